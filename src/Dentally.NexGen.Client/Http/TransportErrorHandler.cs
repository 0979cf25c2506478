using System.Net.Http;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// Outermost handler: once the retries are spent, a transport failure becomes a typed
/// <see cref="NexGenTransportException"/> (or <see cref="NexGenTimeoutException"/>). The caller's own
/// cancellation passes through unchanged.
/// </summary>
internal sealed class TransportErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidResponseBodyException invalid)
        {
            throw new NexGenTransportException(new ApiErrorResponse(invalid.ResponseStatusCode, null, invalid.RequestId, null), "The response body is empty or not valid JSON", invalid);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new NexGenTimeoutException(new ApiErrorResponse(0, null, null, null), $"No answer within the timeout ({timeout.Timeout.TotalSeconds:0.###} s)", timeout);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException
            || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new NexGenTransportException(new ApiErrorResponse(0, null, null, null), "The connection failed (" + failure.GetType().Name + ")", failure);
        }
    }
}
