using System.Net.Sockets;
using System.Text;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// A loopback HTTP/1.1 server that counts the TCP connections it accepts and answers every request on
/// a kept-alive connection with one fixed JSON body: how many connection pools a set of clients uses
/// shows in how many connections reach it.
/// </summary>
internal sealed class ConnectionCountingServer : LoopbackServer
{
    private readonly string _body;
    private int _connections;
    private int _requests;

    public ConnectionCountingServer(string body)
    {
        _body = body;
        Start();
    }

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    protected override async Task ServeAsync(Socket connection)
    {
        Interlocked.Increment(ref _connections);
        using (var stream = new NetworkStream(connection, ownsSocket: true))
        {
            var response = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: req_counted\r\nContent-Length: {Encoding.UTF8.GetByteCount(_body)}\r\n\r\n{_body}");
            var buffer = new byte[16 * 1024];
            var pending = new StringBuilder();
            try
            {
                while (!Stopping.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, Stopping);
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
                        await stream.WriteAsync(response, Stopping);
                    }
                }
            }
            catch (Exception) when (Stopping.IsCancellationRequested || connection.Connected is false)
            {
            }
            catch (IOException)
            {
            }
        }
    }
}
