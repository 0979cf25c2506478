using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.IO;

namespace Dentally.NexGen.Client;

/// <summary>
/// Reads every response body into pooled memory (<see cref="ResponseBodyBuffers"/>) inside the attempt, so its timeout and the caller's token
/// bound the read, and a broken body fails the attempt (retried when that is safe) rather than the
/// caller's deserialisation later. A body larger than <see cref="NexGenClientOptions.MaxResponseBodySize"/>,
/// shorter than its <c>Content-Length</c>, or a success body that is not one complete JSON value is an
/// <see cref="InvalidResponseBodyException"/>. Memory grows with the bytes received, never with the
/// declared length.
/// </summary>
internal sealed class ResponseBodyHandler(long maxBodySize, RecyclableMemoryStreamManager buffers) : DelegatingHandler
{
    /// <summary>The most memory a declared length reserves before its bytes arrive.</summary>
    private const int MaxInitialBuffer = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // As SocketsHttpHandler does; a transport of the caller's may not, and the readers find the operation through it.
        response.RequestMessage ??= request;
        if (response.Content is null || request.Method == HttpMethod.Head)
        {
            return response;
        }

        try
        {
            var body = await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NoContent)
            {
                EnsureOneJsonValue(response, body);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the response's content with its bytes read into pooled memory, and returns them.</summary>
    private async Task<ArraySegment<byte>> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var declared = original.Headers.ContentLength;
        if (declared > maxBodySize)
        {
            throw TooLarge(response);
        }

        // Guid.Empty: the pool's own per-stream id would cost a Guid.NewGuid per response.
        var buffer = buffers.GetStream(Guid.Empty, null, declared is { } size ? Math.Min(size, MaxInitialBuffer) : 0);
        try
        {
            await ReadAsync(response, original, buffer, declared, cancellationToken).ConfigureAwait(false);
            var content = new PooledBodyContent(buffer, original);
            response.Content = content;
            original.Dispose();
            return content.Bytes;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private async Task ReadAsync(HttpResponseMessage response, HttpContent original, RecyclableMemoryStream buffer, long? declared, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        var abort = default(CancellationTokenRegistration);
#else
        // .NET Framework's response streams ignore the token while reading: disposing the response ends the read.
        var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
#endif
        using (abort)
        {
            try
            {
#if NET5_0_OR_GREATER
                using var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var body = await original.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                while (buffer.Length != declared)
                {
                    if (buffer.Length > maxBodySize)
                    {
                        throw TooLarge(response);
                    }

                    // The rest of the pool's current block: memory grows with the bytes received, never with the declared length.
                    var space = buffer.GetMemory();
#if NET5_0_OR_GREATER
                    var read = await body.ReadAsync(space, cancellationToken).ConfigureAwait(false);
#else
                    var segment = MemoryMarshal.TryGetArray<byte>(space, out var array) ? array : throw new InvalidOperationException("The pool's memory is not an array.");
                    var read = await body.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    buffer.Advance(read);
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // The headers did arrive: a timeout names their status and request id (TransportErrors); the caller's cancel, no timeout.
                throw new OperationCanceledException("The body read was cancelled.", new InvalidResponseBodyException(response, "The response body read was cancelled before the body ended"), cancellationToken);
            }
            catch (IOException exception)
            {
                // The connection ended mid-body: reported with the response's status and request id.
                throw new InvalidResponseBodyException(response, "The response body was cut off before it ended", exception);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.Length > maxBodySize)
        {
            throw TooLarge(response);
        }

        if (buffer.Length < declared)
        {
            throw new InvalidResponseBodyException(response, "The response body ended before its declared length");
        }
    }

    private InvalidResponseBodyException TooLarge(HttpResponseMessage response)
        => new(response, FormattableString.Invariant($"The response body is larger than the limit ({maxBodySize} bytes)"));

    /// <summary>
    /// Exactly one JSON value, and nothing after it (a NUL byte included: Newtonsoft.Json would stop
    /// reading at it). A UTF-8 byte order mark before it is allowed, as RFC 8259 lets a parser ignore
    /// one and the reader that deserialises the body skips it.
    /// </summary>
    private static void EnsureOneJsonValue(HttpResponseMessage response, ArraySegment<byte> body)
    {
        JsonException? error = null;
        try
        {
            var reader = new Utf8JsonReader(body.AsSpan().StartsWith(Utf8ByteOrderMark) ? body.AsSpan(Utf8ByteOrderMark.Length) : body.AsSpan());
            while (reader.Read())
            {
            }

            if (reader.BytesConsumed > 0)
            {
                return;
            }
        }
        catch (JsonException exception)
        {
            error = exception;
        }

        ContractStatus.ReportSuccessNotJson(response);
        throw new InvalidResponseBodyException(response, "The response body is empty or not valid JSON", error);
    }
}
