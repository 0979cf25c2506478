using System.Net;

namespace Dentally.NexGen.Tool.Tests.Support;

/// <summary>
/// A server that answers every request 200 with a JSON body that never ends, counting the bytes it was asked for;
/// or, with <c>cutAfter</c>, one whose connection drops after that many bytes.
/// </summary>
internal sealed class EndlessBodyHandler(long? declaredLength = null, long? cutAfter = null) : HttpMessageHandler
{
    private readonly long? _cutAfter = cutAfter;
    private long _served;

    /// <summary>The bytes the client has read from the bodies so far.</summary>
    public long Served => Interlocked.Read(ref _served);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new EndlessStream(this));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = declaredLength;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("X-Request-Id", "req_endless");
        return Task.FromResult(response);
    }

    /// <summary><c>{"items":[</c> and then spaces, for ever.</summary>
    private sealed class EndlessStream(EndlessBodyHandler owner) : Stream
    {
        private static readonly byte[] Start = "{\"items\":["u8.ToArray();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (owner.Served >= owner._cutAfter)
            {
                throw new IOException("The connection was reset.");
            }

            var served = Interlocked.Add(ref owner._served, count) - count;
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = served + i < Start.Length ? Start[served + i] : (byte)' ';
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
