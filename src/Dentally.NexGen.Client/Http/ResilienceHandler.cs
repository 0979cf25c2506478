using System.Net.Http;
using System.Runtime.ExceptionServices;
using Polly;

namespace Dentally.NexGen.Client;

/// <summary>
/// Runs each call through the resilience pipeline (<see cref="NexGenResilience"/>): the handlers after
/// this one run once per attempt. A failure left once the pipeline gives up becomes a typed exception
/// (<see cref="TransportErrors"/>) naming the time the call took on the options' clock, the one its
/// timeouts ran on; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryRule.RequestKey, request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            if (outcome.Exception is { } failure)
            {
                ExceptionDispatchInfo.Capture(TransportErrors.Translate(failure, cancellationToken, TelemetryHandler.Sends(request), clock.GetElapsedTime(started)) ?? failure).Throw();
            }

            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);
}
