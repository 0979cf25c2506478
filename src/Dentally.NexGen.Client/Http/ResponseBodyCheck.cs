using System.Net;
using System.Net.Http;
#if NET5_0_OR_GREATER
using System.Buffers;
using System.Text.Json;
#else
using System.Text;
using Newtonsoft.Json;
#endif

namespace Dentally.NexGen.Client;

/// <summary>
/// Buffers each success body and checks it is complete JSON before the generated code reads it, so an
/// empty, cut-off or broken body fails the attempt (and is retried when that is safe) instead of
/// surfacing later as a parse error that no retry can reach. The generated code then reads the same
/// buffer: nothing is copied into a new array.
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
            await ResponseBuffer.LoadAsync(response, cancellationToken).ConfigureAwait(false);
#if NET5_0_OR_GREATER
            // Buffered: the synchronous read returns the buffer's stream at once, with no task.
            var body = response.Content.ReadAsStream(cancellationToken);
#else
            var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            // A handler added after ours may already have read it: validate from the start.
            body.Position = 0;
            var isJson = IsCompleteJson(body);
            // HttpContent may hand the same buffered stream to the generated code: rewind it.
            body.Position = 0;
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

    /// <summary>Reads a buffered (seekable) body to its end; false when it holds no JSON value at all.</summary>
    private static bool IsCompleteJson(Stream body)
    {
#if NET5_0_OR_GREATER
        var length = checked((int)body.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            body.ReadExactly(buffer, 0, length);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
#else
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true);
        using var reader = new JsonTextReader(text) { CloseInput = false };
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens > 0;
#endif
    }
}
