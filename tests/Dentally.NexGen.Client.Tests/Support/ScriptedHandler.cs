using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>A transport that answers each attempt from a script, for timing cases WireMock cannot stage reliably.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private int _attempts;
    private int _stalledReads;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>How many reads of a stalled body have begun: a test times a read out only once it waits.</summary>
    public int StalledReads => Volatile.Read(ref _stalledReads);

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

    /// <summary>Answers with headers at once, then a body that never arrives (only cancellation ends the read).</summary>
    public ScriptedHandler ThenStalledBody(HttpStatusCode status = HttpStatusCode.OK, string? requestId = null) => Then((_, _) =>
    {
        var content = new StreamContent(new StalledStream(this));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = new HttpResponseMessage(status) { Content = content };
        response.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        return Task.FromResult(response);
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

    private sealed class StalledStream(ScriptedHandler handler) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref handler._stalledReads);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Only asynchronous reads.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
