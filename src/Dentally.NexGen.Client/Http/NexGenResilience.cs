using System.Net;
using System.Net.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// The SDK's resilience pipeline (Polly v8): an overall timeout around retries with exponential
/// backoff and jitter (or the server's <c>Retry-After</c>, capped), around a per-attempt timeout.
/// A timeout that can never fire first is left out: without retries the attempt timeout alone bounds
/// the call, and an attempt timeout as long as the overall one adds nothing.
/// </summary>
internal static class NexGenResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(NexGenClientOptions options)
    {
        var retry = options.Retry;
        var retries = retry.MaxRetries > 0;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = NexGenDiagnostics.SourceName, TimeProvider = options.TimeProvider };
        if (retries)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "OverallTimeout", Timeout = options.OverallTimeout });
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome, options)),
            });
        }

        if (!retries || options.AttemptTimeout < options.OverallTimeout)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
        }

        return builder.Build();
    }

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested || !RequestSafety.MayRetry(context.Properties.GetValue(RequestAttempts.Key, null!)?.Request))
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException;
        }

        var response = outcome.Result!;
        switch ((int)response.StatusCode)
        {
            case 408 or 429 or 500 or 502 or 503 or 504:
                return true;
            case 409:
                return await IsIdempotencyKeyInUseAsync(response, context.CancellationToken).ConfigureAwait(false);
            default:
                return false;
        }
    }

    private static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, NexGenClientOptions options)
    {
        var response = outcome.Result;
        if (response is null)
        {
            return null;
        }

        var requested = ApiErrorResponse.ReadRetryAfter(response, options.TimeProvider.GetUtcNow());
        if (requested is null && response.StatusCode == HttpStatusCode.Conflict)
        {
            requested = options.Retry.IdempotencyKeyInUseDelay;
        }

        return requested is { } delay && delay > options.Retry.MaxDelay ? options.Retry.MaxDelay : requested;
    }

    private static async Task<bool> IsIdempotencyKeyInUseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return false;
        }

        // Buffered, so the generated code can still read the body if this 409 is not retried.
        await ResponseBuffer.LoadAsync(response, cancellationToken).ConfigureAwait(false);
#if NET5_0_OR_GREATER
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains(ProblemTypes.IdempotencyKeyInUse, StringComparison.Ordinal);
#else
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return body.IndexOf(ProblemTypes.IdempotencyKeyInUse, StringComparison.Ordinal) >= 0;
#endif
    }
}
