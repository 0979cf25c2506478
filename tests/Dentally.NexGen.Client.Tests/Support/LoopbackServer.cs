using System.Net;
using System.Net.Sockets;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>A TCP listener on a free loopback port that hands each connection it accepts to <see cref="ServeAsync"/>, until disposed.</summary>
internal abstract class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Cancelled when the server is disposed.</summary>
    protected CancellationToken Stopping => _stop.Token;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts listening; a derived class calls it once its own fields are set.</summary>
    protected void Start()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Serves one accepted connection; it owns <paramref name="socket"/>.</summary>
    protected abstract Task ServeAsync(Socket socket);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }
}
