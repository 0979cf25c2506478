using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server that counts the TCP connections it accepts and answers every request on
/// a kept-alive connection with one fixed JSON body: how many connection pools a set of clients uses
/// shows in how many connections reach it.
/// </summary>
internal sealed class ConnectionCountingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _body;
    private int _connections;
    private int _requests;

    public ConnectionCountingServer(string body)
    {
        _body = body;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            var stream = connection.GetStream();
            var response = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: req_counted\r\nContent-Length: {Encoding.UTF8.GetByteCount(_body)}\r\n\r\n{_body}");
            var buffer = new byte[16 * 1024];
            var pending = new StringBuilder();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    // Requests without bodies (GETs) end with an empty line.
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        pending.Remove(0, end + 4);
                        Interlocked.Increment(ref _requests);
                        await stream.WriteAsync(response, _stop.Token);
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested || connection.Connected is false)
            {
            }
            catch (IOException)
            {
            }
        }
    }
}
