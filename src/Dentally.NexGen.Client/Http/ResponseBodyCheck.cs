using System.Net;
using System.Net.Http;
#if NET5_0_OR_GREATER
using System.Text.Json;
#else
using System.Text;
using Newtonsoft.Json;
#endif

namespace Dentally.NexGen.Client;

/// <summary>
/// Buffers each success body and checks it is complete JSON before the generated code reads it, so an
/// empty, cut-off or broken body fails the attempt (and is retried when that is safe) instead of
/// surfacing later as a parse error that no retry can reach. On .NET 5 and later the buffer is rented
/// from the array pool (<c>PooledBodyContent</c>), and a body of the documented type is read as that
/// type here, once (<see cref="JsonResponseRequest{T}"/>); the generated code takes the result.
/// </summary>
internal static class ResponseBodyCheck
{
    public static async ValueTask EnsureJsonAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NoContent || request.Method == HttpMethod.Head)
        {
            return;
        }

        try
        {
#if NET5_0_OR_GREATER
            var pooled = await PooledBodyContent.ReplaceAsync(response, cancellationToken).ConfigureAwait(false);
            // Reading the body as the documented type proves it complete: one pass, not a check and a read.
            if (request is IJsonResponseRequest expected && (int)response.StatusCode == expected.SuccessStatus
                && expected.TryRead(pooled.Body, out var value))
            {
                pooled.Value = value;
                return;
            }

            // Not read (another status, or it failed): is the body broken, or only not what was documented?
            var isJson = IsCompleteJson(pooled.Body);
#else
            await ResponseBuffer.LoadAsync(response, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            // A handler added after ours may already have read it: validate from the start.
            body.Position = 0;
            var isJson = IsCompleteJson(body);
            // HttpContent may hand the same buffered stream to the generated code: rewind it.
            body.Position = 0;
#endif
            if (!isJson)
            {
                throw new InvalidResponseBodyException((int)response.StatusCode, ApiErrorResponse.ReadRequestId(response), null);
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            var invalid = new InvalidResponseBodyException((int)response.StatusCode, ApiErrorResponse.ReadRequestId(response), exception);
            response.Dispose();
            throw invalid;
        }
        catch (InvalidResponseBodyException)
        {
            response.Dispose();
            throw;
        }
    }

#if NET5_0_OR_GREATER
    /// <summary>False when the body holds no JSON value at all; throws <see cref="JsonException"/> when it is not complete JSON.</summary>
    private static bool IsCompleteJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
        }

        return reader.BytesConsumed > 0;
    }
#else
    /// <summary>Reads a buffered (seekable) body to its end; false when it holds no JSON value at all.</summary>
    private static bool IsCompleteJson(Stream body)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true);
        using var reader = new JsonTextReader(text) { CloseInput = false };
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens > 0;
    }
#endif
}
