using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// One activity and one log event per send (<see cref="AttemptTrace"/>), numbered from 1 across the
/// retries and token-refresh resends of one call.
/// </summary>
internal sealed class TelemetryHandler(ILogger logger, TimeProvider time) : DelegatingHandler
{
    private const string SendsKey = "Dentally.NexGen.Client.Sends";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var send = NextSend(request);
        RequestCounter.RecordAttempt();
        if (!AttemptTrace.IsObserved(logger))
        {
            // Nothing would see this send's activity, log event or answer: it costs no asynchronous layer.
            return base.SendAsync(request, cancellationToken);
        }

        return TracedAsync(request, send, cancellationToken);
    }

    private async Task<HttpResponseMessage> TracedAsync(HttpRequestMessage request, int send, CancellationToken cancellationToken)
    {
        using var trace = AttemptTrace.Start(logger, time, request, send);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            trace.Answered(response);
            return response;
        }
        catch (Exception exception)
        {
            trace.Failed(exception);
            throw;
        }
    }

#pragma warning disable CS0618 // Properties is the one per-request bag on every target framework (Options is .NET 5+).
    /// <summary>How many times <paramref name="request"/> has been sent so far (retries and token-refresh resends included).</summary>
    public static int Sends(HttpRequestMessage request)
        => request.Properties.TryGetValue(SendsKey, out var sent) && sent is int count ? count : 0;

    /// <summary>Counts the sends of one request on the request itself: attempts of one request never overlap.</summary>
    private static int NextSend(HttpRequestMessage request)
    {
        var send = Sends(request) + 1;
        request.Properties[SendsKey] = send;
        return send;
    }
#pragma warning restore CS0618
}
