using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace Dentally.NexGen.Client;

/// <summary>
/// Reads every response body into memory inside the attempt, so its timeout and the caller's token
/// bound the read, and a broken body fails the attempt (retried when that is safe) rather than the
/// caller's deserialisation later. A body larger than <see cref="NexGenClientOptions.MaxResponseBodySize"/>,
/// shorter than its <c>Content-Length</c>, or a success body that is not one complete JSON value is an
/// <see cref="InvalidResponseBodyException"/>. Memory grows with the bytes received, never with the
/// declared length.
/// </summary>
internal sealed class ResponseBodyHandler(long maxBodySize) : DelegatingHandler
{
    private const int InitialBuffer = 16 * 1024;
    private const int MaxInitialBuffer = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is null || request.Method == HttpMethod.Head)
        {
            return response;
        }

        try
        {
            var (body, length) = await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NoContent)
            {
                EnsureOneJsonValue(response, body, length);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the response's content with its bytes read into memory, and returns them.</summary>
    private async Task<(byte[] Body, int Length)> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var declared = original.Headers.ContentLength;
        if (declared > maxBodySize)
        {
            throw TooLarge(response);
        }

        var buffer = new byte[declared is { } size ? (int)Math.Min(size, MaxInitialBuffer) : InitialBuffer];
        var length = 0;
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
                while (length != declared)
                {
                    if (length == buffer.Length)
                    {
                        if (length > maxBodySize)
                        {
                            throw TooLarge(response);
                        }

                        Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, InitialBuffer), maxBodySize + 1));
                    }

#if NET5_0_OR_GREATER
                    var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                    var read = await body.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (IOException exception)
            {
                // The connection ended mid-body: reported with the response's status and request id.
                throw new InvalidResponseBodyException(response, "The response body was cut off before it ended", exception);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (length > maxBodySize)
        {
            throw TooLarge(response);
        }

        if (length < declared)
        {
            throw new InvalidResponseBodyException(response, "The response body ended before its declared length");
        }

        var buffered = new ByteArrayContent(buffer, 0, length);
        foreach (var header in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        original.Dispose();
        return (buffer, length);
    }

    private InvalidResponseBodyException TooLarge(HttpResponseMessage response)
        => new(response, FormattableString.Invariant($"The response body is larger than the limit ({maxBodySize} bytes)"));

    /// <summary>Exactly one JSON value, and nothing after it (a NUL byte included: Newtonsoft.Json would stop reading at it).</summary>
    private static void EnsureOneJsonValue(HttpResponseMessage response, byte[] body, int length)
    {
        JsonException? error = null;
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(body, 0, length));
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

        throw new InvalidResponseBodyException(response, "The response body is empty or not valid JSON", error);
    }
}
