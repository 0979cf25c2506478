using System.Net.Http;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// Once the retries are spent, a transport failure becomes a typed <see cref="NexGenTransportException"/>
/// (or <see cref="NexGenTimeoutException"/>). The caller's own cancellation, and anything that is not
/// a transport failure, is left as it is; a token provider's failure is the provider's own exception.
/// </summary>
internal static class TransportErrors
{
    public static Exception? Translate(Exception failure, CancellationToken callerToken, int attempts = 0, TimeSpan elapsed = default)
    {
        switch (failure)
        {
            case TokenProviderFailure provider:
                return provider.InnerException;
            case InvalidResponseBodyException invalid:
                return new NexGenTransportException(new ApiErrorResponse(invalid.ResponseStatusCode, null, invalid.RequestId, null), invalid.Problem + TransportCause.Attempts(attempts, elapsed), invalid);
            case TimeoutRejectedException timeout when StalledBody(timeout) is { } stalled:
                return new NexGenTimeoutException(new ApiErrorResponse(stalled.ResponseStatusCode, null, stalled.RequestId, null), FormattableString.Invariant($"The response body did not arrive within the timeout ({timeout.Timeout.TotalSeconds:0.###} s)") + TransportCause.Attempts(attempts, elapsed), timeout);
            case TimeoutRejectedException timeout:
                return new NexGenTimeoutException(new ApiErrorResponse(0, null, null, null), TimeoutMessage(timeout.Timeout) + TransportCause.Attempts(attempts, elapsed), timeout);
            case HttpRequestException or IOException:
            case OperationCanceledException when !callerToken.IsCancellationRequested:
                return new NexGenTransportException(new ApiErrorResponse(0, null, null, null), TransportCause.Describe(failure, attempts, elapsed), failure);
            default:
                return null;
        }
    }

    /// <summary>The response whose body a timeout cut short, when the headers had arrived (<see cref="ResponseBodyHandler"/>).</summary>
    private static InvalidResponseBodyException? StalledBody(Exception? failure)
        => failure is null or InvalidResponseBodyException ? failure as InvalidResponseBodyException : StalledBody(failure.InnerException);

    private static string TimeoutMessage(TimeSpan limit) => FormattableString.Invariant($"No answer within the timeout ({limit.TotalSeconds:0.###} s)");
}
