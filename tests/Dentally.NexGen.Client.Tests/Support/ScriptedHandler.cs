using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>A transport that answers each attempt from a script, for timing cases WireMock cannot stage reliably.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public ScriptedHandler ThenHang() => Then(async (_, ct) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        throw new InvalidOperationException("unreachable");
    });

    public ScriptedHandler ThenJson(HttpStatusCode status, string json) => Then((_, _) => Task.FromResult(new HttpResponseMessage(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    }));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return _script.TryDequeue(out var step)
            ? step(request, cancellationToken)
            : throw new InvalidOperationException("The script has no step left for attempt " + Attempts);
    }
}
