using System.Net.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// The SDK's resilience pipelines (Polly v8). A call's first attempt runs under the attempt timeout
/// alone (<see cref="FirstAttempt"/>): it is shorter than the overall one, so it bounds the attempt,
/// and a call that succeeds at once arms one timer, not two. When <see cref="RetryRule"/> retries, the
/// rest of the call runs under <see cref="Retries"/>, outermost first: the overall timeout (the time
/// the call has left), the retry (which starts from the first attempt's outcome, so its delays and
/// count are those of one pipeline), and the attempt timeout. With an attempt timeout as long as the
/// overall one there is one pipeline, <see cref="Call"/>: the overall timeout, then the retry.
/// </summary>
internal sealed class NexGenResilience
{
    /// <summary>When the call started, on the options' clock: what <see cref="Retries"/> takes its time left from.</summary>
    public static readonly ResiliencePropertyKey<long> StartedKey = new("Dentally.NexGen.Client.Started");

    /// <summary>Whether the next attempt <see cref="Retries"/> runs is the first one's outcome handed back, which sends nothing and needs no timer.</summary>
    public static readonly ResiliencePropertyKey<bool> ReplayKey = new("Dentally.NexGen.Client.Replay");

    /// <summary>Set when the overall timeout of <see cref="Retries"/> fired: its timer was armed for the time left, not the limit the caller set.</summary>
    public static readonly ResiliencePropertyKey<bool> OverallFiredKey = new("Dentally.NexGen.Client.OverallFired");

    // A timer armed for less than this would be no timer at all (Polly applies none for zero).
    private static readonly TimeSpan ShortestTimeLeft = TimeSpan.FromMilliseconds(1);

    private NexGenResilience(NexGenClientOptions options)
    {
        Options = options;
        var attemptBounded = options.AttemptTimeout < options.OverallTimeout;
        if (!attemptBounded)
        {
            // An attempt timeout as long as the overall one can never end an attempt first: left out, it
            // cannot race the overall timer into a retry with no time left.
            Call = AddRetry(NewBuilder().AddTimeout(Timeout("OverallTimeout", options.OverallTimeout))).Build();
            return;
        }

        FirstAttempt = NewBuilder().AddTimeout(Timeout("AttemptTimeout", options.AttemptTimeout)).Build();
        if (options.Retry.MaxRetries > 0)
        {
            var retries = NewBuilder().AddTimeout(new TimeoutStrategyOptions
            {
                Name = "OverallTimeout",
                Timeout = options.OverallTimeout,
                TimeoutGenerator = args => new ValueTask<TimeSpan>(TimeLeft(args.Context) is var left && left > ShortestTimeLeft ? left : ShortestTimeLeft),
                OnTimeout = args =>
                {
                    args.Context.Properties.Set(OverallFiredKey, true);
                    return default;
                },
            });
            Retries = AddRetry(retries).AddTimeout(new TimeoutStrategyOptions
            {
                Name = "AttemptTimeout",
                Timeout = options.AttemptTimeout,
                TimeoutGenerator = args => new ValueTask<TimeSpan>(args.Context.Properties.GetValue(ReplayKey, false) ? System.Threading.Timeout.InfiniteTimeSpan : options.AttemptTimeout),
            }).Build();
        }
    }

    public NexGenClientOptions Options { get; }

    /// <summary>The first attempt under its own timeout, or <see langword="null"/> when <see cref="Call"/> runs the whole call.</summary>
    public ResiliencePipeline<HttpResponseMessage>? FirstAttempt { get; }

    /// <summary>The rest of a call whose first attempt is to be retried, or <see langword="null"/> without retries.</summary>
    public ResiliencePipeline<HttpResponseMessage>? Retries { get; }

    /// <summary>The whole call, when the attempt timeout is no shorter than the overall one.</summary>
    public ResiliencePipeline<HttpResponseMessage>? Call { get; }

    public static NexGenResilience Build(NexGenClientOptions options) => new(options);

    /// <summary>What is left of the overall timeout for a call started at <see cref="StartedKey"/>; zero or less once it is spent.</summary>
    public TimeSpan TimeLeft(ResilienceContext context)
        => Options.OverallTimeout - Options.TimeProvider.GetElapsedTime(context.Properties.GetValue(StartedKey, 0L));

    private ResiliencePipelineBuilder<HttpResponseMessage> NewBuilder()
        => new() { Name = NexGenDiagnostics.SourceName, TimeProvider = Options.TimeProvider };

    private ResiliencePipelineBuilder<HttpResponseMessage> AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        var retry = Options.Retry;
        if (retry.MaxRetries == 0)
        {
            return builder;
        }

        var options = Options;
        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "Retry",
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = retry.UseJitter,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => RetryRule.ShouldRetryAsync(args.Outcome, args.Context, this),
            DelayGenerator = args => new ValueTask<TimeSpan?>(RetryRule.ServerRequestedDelay(args.Outcome.Result, options)),
        });
    }

    private static TimeoutStrategyOptions Timeout(string name, TimeSpan timeout) => new() { Name = name, Timeout = timeout };
}
