namespace Dentally.NexGen.Client.Testing.Hosting;

/// <summary>Whether the sandbox still answers, and the token that ends held requests when it stops.</summary>
internal sealed class SandboxLifetime : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private volatile bool _closed;

    public bool IsClosed => _closed;

    /// <summary>Ends when the sandbox stops; a request still racing through after that fails on the disposed source, and is dropped.</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>From now on every request is dropped, and held ones end at once rather than keep the server's shutdown waiting.</summary>
    public void Close()
    {
        _closed = true;
        _closing.Cancel();
    }

    public void Dispose() => _closing.Dispose();
}
