using System.Net.Http;
using System.Runtime.ExceptionServices;
using Polly;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// Runs each call through the resilience pipelines (<see cref="NexGenResilience"/>): the handlers after
/// this one run once per attempt. A failure left once the pipeline gives up becomes a typed exception
/// (<see cref="TransportErrors"/>) naming the time the call took on the options' clock, the one its
/// timeouts ran on; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilienceHandler(NexGenResilience resilience) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = resilience.Options.TimeProvider.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var sentTo = request.RequestUri;
        context.Properties.Set(RetryRule.RequestKey, request);
        context.Properties.Set(RetryRule.SentToKey, sentTo);
        context.Properties.Set(NexGenResilience.StartedKey, started);
        try
        {
            var outcome = resilience.FirstAttempt is { } first
                ? await first.ExecuteOutcomeAsync(Attempt, context, this).ConfigureAwait(false)
                : await resilience.Call!.ExecuteOutcomeAsync(Attempt, context, this).ConfigureAwait(false);
            if (resilience.Retries is { } retries && await RetryRule.ShouldRetryAsync(outcome, context, resilience).ConfigureAwait(false))
            {
                outcome = await RetryAsync(retries, outcome, request, sentTo, started, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Exception is { } failure)
            {
                ExceptionDispatchInfo.Capture(TransportErrors.Translate(failure, cancellationToken, TelemetryHandler.Sends(request), resilience.Options.TimeProvider.GetElapsedTime(started)) ?? failure).Throw();
            }

            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// The rest of a call whose first attempt is to be retried: the retry pipeline starts from that
    /// attempt's outcome, handed back without sending, so its delays, its count and the overall
    /// timeout (armed now, for the time the call has left) are as if one pipeline had run the call.
    /// </summary>
    private async ValueTask<Outcome<HttpResponseMessage>> RetryAsync(ResiliencePipeline<HttpResponseMessage> retries, Outcome<HttpResponseMessage> first, HttpRequestMessage request, Uri? sentTo, long started, CancellationToken cancellationToken)
    {
        // A context of its own: Polly's contexts serve one execution each.
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(RetryRule.RequestKey, request);
            context.Properties.Set(RetryRule.SentToKey, sentTo);
            context.Properties.Set(NexGenResilience.StartedKey, started);
            if (resilience.TimeLeft(context) <= TimeSpan.Zero)
            {
                // Only an attempt that ignored its cancellation can outlast the overall timeout.
                first.Result?.Dispose();
                return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(resilience.Options.OverallTimeout));
            }

            context.Properties.Set(NexGenResilience.ReplayKey, true);
            return Named(await RunAsync(retries, first, context).ConfigureAwait(false), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask<Outcome<HttpResponseMessage>> RunAsync(ResiliencePipeline<HttpResponseMessage> retries, Outcome<HttpResponseMessage> first, ResilienceContext context)
        => retries.ExecuteOutcomeAsync(
            static (context, state) =>
            {
                if (context.Properties.GetValue(NexGenResilience.ReplayKey, false))
                {
                    context.Properties.Set(NexGenResilience.ReplayKey, false);
                    return new ValueTask<Outcome<HttpResponseMessage>>(state.First);
                }

                return Attempt(context, state.Handler);
            },
            context,
            (Handler: this, First: first));

    /// <summary>When the overall timeout fired, armed for the time left, the failure names the limit the caller set.</summary>
    private Outcome<HttpResponseMessage> Named(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        => outcome.Exception is TimeoutRejectedException rejected && context.Properties.GetValue(NexGenResilience.OverallFiredKey, false)
            ? Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(rejected.Message, resilience.Options.OverallTimeout, rejected))
            : outcome;

    private static async ValueTask<Outcome<HttpResponseMessage>> Attempt(ResilienceContext context, ResilienceHandler handler)
    {
        var request = context.Properties.GetValue(RetryRule.RequestKey, null!);
        var sends = TelemetryHandler.Sends(request);
        try
        {
            var response = await handler.SendAttemptAsync(request, context.CancellationToken).ConfigureAwait(false);
            RequestCounter.RecordAttemptEnd(request, sends, response, null);
            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            // Whether this attempt leaves a write in doubt: what a booking's POST reports (BookingPost).
            RequestCounter.RecordAttemptEnd(request, sends, null, exception);
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);
}
