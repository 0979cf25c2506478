using System.Net.Sockets;
using System.Text;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// A loopback server that answers each request with raw bytes from a script, one step per request in
/// arrival order (the last step repeats): a misbehaving server precisely, below what an HTTP stack
/// would let a test write. A step may write anything, reset the connection or close it.
/// </summary>
internal sealed class RawHttpServer : LoopbackServer
{
    private readonly Func<RawExchange, Task>[] _steps;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _received = new();
    private int _requests;

    public RawHttpServer(params Func<RawExchange, Task>[] steps)
    {
        _steps = steps;
        Start();
    }

    /// <summary>How many complete requests (head and body) arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every complete request, head and body, in arrival order.</summary>
    public IReadOnlyList<string> Received => [.. _received];

    /// <summary>A step that writes <paramref name="text"/> (ASCII) and keeps the connection open.</summary>
    public static Func<RawExchange, Task> Send(string text) => exchange => exchange.WriteAsync(text);

    /// <summary>A complete JSON answer with the given status line, headers and body.</summary>
    public static string Json(string statusLine, string body, string extraHeaders = "")
        => $"HTTP/1.1 {statusLine}\r\nContent-Type: application/json\r\nX-Request-Id: req_raw\r\n{extraHeaders}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    protected override async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var exchange = new RawExchange(socket, stream);
        try
        {
            while (!exchange.Closed && await ReadRequestAsync(stream, exchange))
            {
                var index = Interlocked.Increment(ref _requests) - 1;
                await _steps[Math.Min(index, _steps.Length - 1)](exchange);
            }
        }
        catch (Exception) when (Stopping.IsCancellationRequested || exchange.Closed)
        {
        }
        catch (IOException)
        {
            // The client went away.
        }
    }

    /// <summary>Reads one request: its head up to the empty line, then a body of its Content-Length.</summary>
    private async Task<bool> ReadRequestAsync(NetworkStream stream, RawExchange exchange)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, Stopping) == 0)
            {
                return false;
            }

            head.Append((char)one[0]);
        }

        var length = head.ToString().Split("\r\n").Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        for (var read = 0; read < length;)
        {
            var got = await stream.ReadAsync(body.AsMemory(read), Stopping);
            if (got == 0)
            {
                return false;
            }

            read += got;
        }

        _received.Enqueue(head.ToString() + Encoding.UTF8.GetString(body));
        return true;
    }
}

/// <summary>One connection of <see cref="RawHttpServer"/>, as a step sees it after a request arrived.</summary>
internal sealed class RawExchange(Socket socket, NetworkStream stream)
{
    public bool Closed { get; private set; }

    public async Task WriteAsync(string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await stream.FlushAsync();
    }

    /// <summary>Ends the connection with a TCP reset (RST), as a crashing server or a middlebox does.</summary>
    public void Reset()
    {
        Closed = true;
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>Closes the connection gracefully (FIN), as an HTTP/1.0 server ends a body.</summary>
    public void Close()
    {
        Closed = true;
        socket.Shutdown(SocketShutdown.Both);
        socket.Close();
    }
}
