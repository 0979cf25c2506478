using System.Net.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// The SDK's resilience pipeline (Polly v8), outermost first: the overall timeout (one call, delays
/// included), the retry (when <see cref="RetryRule"/> says so), and the attempt timeout (when shorter).
/// </summary>
internal static class NexGenResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(NexGenClientOptions options)
    {
        var retry = options.Retry;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = NexGenDiagnostics.SourceName, TimeProvider = options.TimeProvider }
            .AddTimeout(Timeout("OverallTimeout", options.OverallTimeout));
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => RetryRule.ShouldRetryAsync(args.Outcome, args.Context),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryRule.ServerRequestedDelay(args.Outcome.Result, options)),
            });
        }

        // An attempt timeout as long as the overall one can never end an attempt first: left out, it
        // cannot race the overall timer into a retry with no time left.
        return (options.AttemptTimeout < options.OverallTimeout ? builder.AddTimeout(Timeout("AttemptTimeout", options.AttemptTimeout)) : builder).Build();
    }

    private static TimeoutStrategyOptions Timeout(string name, TimeSpan timeout) => new() { Name = name, Timeout = timeout };
}
