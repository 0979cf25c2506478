using System.Net;
using System.Net.Http;
using Polly;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// When the SDK sends a request again, and after how long. Retried: connection failures, attempt
/// timeouts, broken bodies and the statuses 408, 429, 500, 502, 503 and 504; a 409 only when its
/// problem type is <c>idempotency-key-in-use</c>, after <see cref="NexGenRetryOptions.IdempotencyKeyInUseDelay"/>.
/// Never a request that is unsafe to repeat (<see cref="RequestSafety"/>). A <c>Retry-After</c> is
/// honoured, capped at <see cref="NexGenRetryOptions.MaxDelay"/>; a wait the server asks for that the
/// call's time left cannot hold is not begun: the caller gets that answer at once.
/// </summary>
internal static class RetryRule
{
    private static readonly string IdempotencyKeyInUseSegment = ProblemTypes.IdempotencyKeyInUse.Substring(ProblemTypes.Prefix.Length);
    /// <summary>Where the retry finds the request being sent (set by <see cref="ResilienceHandler"/>).</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Dentally.NexGen.Client.Request");

    /// <summary>Where the SDK sent that request (set by <see cref="ResilienceHandler"/>; <see cref="RequestSafety.MovedAway"/>).</summary>
    public static readonly ResiliencePropertyKey<Uri?> SentToKey = new("Dentally.NexGen.Client.SentTo");

    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, NexGenResilience resilience)
    {
        // A success is settled before any look at the request or the context: it is every call's path.
        if (outcome.Exception is null && (int)outcome.Result!.StatusCode is var status && status != 409 && !TransientStatus.Is(status))
        {
            return false;
        }

        var request = context.Properties.GetValue(RequestKey, null!);
        if (context.CancellationToken.IsCancellationRequested || !RequestSafety.MayRetry(request) || RequestSafety.MovedAway(request, context.Properties.GetValue(SentToKey, null)))
        {
            return false;
        }

        if (outcome.Exception is { } failure)
        {
            return failure is HttpRequestException or TimeoutRejectedException or IOException;
        }

        var response = outcome.Result!;
        var transient = response.StatusCode != HttpStatusCode.Conflict || await IsIdempotencyKeyInUseAsync(response).ConfigureAwait(false);

        // Waited out, it would end in the overall timeout's "no answer", hiding this one and its RetryAfter.
        return transient && !(ServerRequestedDelay(response, resilience.Options) >= resilience.TimeLeft(context));
    }

    public static TimeSpan? ServerRequestedDelay(HttpResponseMessage? response, NexGenClientOptions options)
    {
        var requested = response is null
            ? null
            : ApiErrorResponse.ReadRetryAfter(response, options.TimeProvider.GetUtcNow())
              ?? (response.StatusCode == HttpStatusCode.Conflict ? options.Retry.IdempotencyKeyInUseDelay : null);
        return requested > options.Retry.MaxDelay ? options.Retry.MaxDelay : requested;
    }

    private static async Task<bool> IsIdempotencyKeyInUseAsync(HttpResponseMessage response)
    {
        // ResponseBodyHandler has already read the body into memory, within the attempt's timeout.
        var body = await ResponseText.ReadAsync(response.Content, CancellationToken.None).ConfigureAwait(false);
        // Parsed only when the type's last segment (no "\/" can hide it) is there: a slot conflict is not parsed twice.
        return body.Contains(IdempotencyKeyInUseSegment) && ProblemResponseReader.TypeOf(body) == ProblemTypes.IdempotencyKeyInUse;
    }
}
