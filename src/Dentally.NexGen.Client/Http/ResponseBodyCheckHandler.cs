using System.Net;
using System.Net.Http;
#if NET5_0_OR_GREATER
using System.Text.Json;
#else
using Newtonsoft.Json;
#endif

namespace Dentally.NexGen.Client;

/// <summary>
/// Buffers every success body and checks it is complete JSON before the generated code reads it, so
/// an empty, cut-off or broken body fails the attempt (and is retried when that is safe) instead of
/// surfacing later as a parse error that no retry can reach.
/// </summary>
internal sealed class ResponseBodyCheckHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NoContent || request.Method == HttpMethod.Head)
        {
            return response;
        }

        try
        {
#if NET5_0_OR_GREATER
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
            }

            if (reader.BytesConsumed == 0)
            {
                throw new InvalidResponseBodyException((int)response.StatusCode, ApiErrorResponse.ReadRequestId(response), null);
            }
#else
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            var tokens = 0;
            while (reader.Read())
            {
                tokens++;
            }

            if (tokens == 0)
            {
                throw new InvalidResponseBodyException((int)response.StatusCode, ApiErrorResponse.ReadRequestId(response), null);
            }
#endif
            return response;
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
}
