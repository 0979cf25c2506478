using System.Net;
using System.Net.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// The SDK's retry pipeline (Polly v8): exponential backoff with jitter, or the server's
/// <c>Retry-After</c> (capped), for outcomes <see cref="ShouldRetryAsync"/> accepts. The timeouts are
/// not pipeline strategies: <see cref="NexGenHttpHandler"/> gives each attempt one timer
/// (<see cref="RequestTimeouts"/>) and runs this pipeline under the overall timeout only when an
/// outcome may call for a retry.
/// </summary>
internal static class NexGenResilience
{
    /// <summary>The retry pipeline, or <see langword="null"/> when <see cref="NexGenRetryOptions.MaxRetries"/> is 0.</summary>
    public static ResiliencePipeline<HttpResponseMessage>? Build(NexGenClientOptions options)
    {
        var retry = options.Retry;
        if (retry.MaxRetries <= 0)
        {
            return null;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { Name = NexGenDiagnostics.SourceName, TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome, options)),
            })
            .Build();
    }

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var attempts = context.Properties.GetValue(RequestAttempts.Key, null!);
        if (context.CancellationToken.IsCancellationRequested || attempts is null || attempts.OverallTimeoutExpired || !RequestSafety.MayRetry(attempts.Request))
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException;
        }

        var response = outcome.Result!;
        return IsTransient(response.StatusCode)
            || (response.StatusCode == HttpStatusCode.Conflict && await IsIdempotencyKeyInUseAsync(response, context.CancellationToken).ConfigureAwait(false));
    }

    /// <summary>A status worth sending again as it is (a 409 may be too, when its key is in use: <see cref="ShouldRetryAsync"/>).</summary>
    internal static bool IsTransient(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

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
