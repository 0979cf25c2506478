using Microsoft.AspNetCore.Connections;

namespace Dentally.NexGen.Client.Benchmarks.Server;

/// <summary>
/// Counts the TCP connections Kestrel accepts, as connection middleware: a client that reuses its
/// pooled connections adds none after warm-up; one that leaks or churns sockets keeps adding.
/// </summary>
internal sealed class ConnectionCounter
{
    private long _accepted;
    private long _open;

    /// <summary>Connections accepted since the server started.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Connections open now.</summary>
    public long Open => Interlocked.Read(ref _open);

    public ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    };
}
