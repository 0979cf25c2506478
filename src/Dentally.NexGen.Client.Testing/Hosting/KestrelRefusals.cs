using System.IO.Pipelines;
using System.Text;
using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dentally.NexGen.Client.Testing.Hosting;

/// <summary>
/// Turns the web server's own refusals into answers the contract allows. Kestrel refuses some requests
/// before any middleware runs (a NUL in the path, a request line it cannot parse) with a bare status
/// line and no body; here, on the connection, such a response (an error without <c>X-Request-Id</c>,
/// which every sandbox answer carries) is replaced by a 400 <c>malformed-request</c> problem (the one
/// refusal every operation documents) naming Kestrel's status, with a request id. The request's own
/// path is unknown by then, so <c>instance</c> is <c>/</c>.
/// </summary>
internal static class KestrelRefusals
{
    public static void Install(ListenOptions listen)
        => listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new Pipe(transport.Input, PipeWriter.Create(new RewritingStream(transport.Output.AsStream())));
            await next(connection).ConfigureAwait(false);
        });

    private sealed record Pipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    private sealed class RewritingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(Rewrite(buffer.AsMemory(offset, count)).Span);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            => inner.WriteAsync(Rewrite(buffer), cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private static ReadOnlyMemory<byte> Rewrite(ReadOnlyMemory<byte> buffer)
        {
            // Kestrel writes its refusal whole, in one write: "HTTP/1.1 400 Bad Request", headers, no body.
            if (buffer.Length is < 16 or > 1024 || !buffer.Span.StartsWith("HTTP/1.1 "u8) || buffer.Span[9] is not ((byte)'4' or (byte)'5'))
            {
                return buffer;
            }

            var head = Encoding.Latin1.GetString(buffer.Span);
            if (!head.EndsWith("\r\n\r\n", StringComparison.Ordinal)
                || head.Contains("\r\nX-Request-Id:", StringComparison.OrdinalIgnoreCase)
                || !head.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase))
            {
                return buffer;
            }

            // Whatever Kestrel meant (400, 413, 414, 431…), every operation documents 400 malformed-request.
            var refusal = head[9..head.IndexOf('\r', StringComparison.Ordinal)];
            var requestId = RequestIds.Next();
            var detail = $"The server could not read the request (its request line, path or headers): {refusal}.";
            var body = SandboxJson.Serialize(Problems.Describe(new Problem(), StatusCodes.Status400BadRequest, "malformed-request", detail, "/", requestId));
            var bytes = Encoding.UTF8.GetBytes(body);
            var response = $"HTTP/1.1 400 Bad Request\r\nContent-Type: {SandboxResponse.ProblemType}\r\nContent-Length: {bytes.Length}\r\nX-Request-Id: {requestId}\r\nConnection: close\r\n\r\n";
            return Encoding.ASCII.GetBytes(response).Concat(bytes).ToArray();
        }
    }
}
