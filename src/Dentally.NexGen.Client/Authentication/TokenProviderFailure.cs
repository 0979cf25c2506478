namespace Dentally.NexGen.Client;

/// <summary>
/// Carries a failure of the token provider through the pipeline, so that it is neither retried nor
/// described as a transport failure at <c>BaseAddress</c>: the send that needed the token was not made. The caller
/// gets the provider's own exception (<see cref="Exception.InnerException"/>), as with Azure.Core's
/// credentials: the provider owns its identity provider's retries.
/// </summary>
internal sealed class TokenProviderFailure(Exception providerFailure)
    : Exception("The token provider failed; the send that needed its token was not made.", providerFailure)
{
    /// <summary>Whether <paramref name="exception"/>, thrown while getting a token, is the provider's failure rather than the attempt's cancellation (its timeout's or the caller's).</summary>
    public static bool IsProviders(Exception exception, CancellationToken cancellationToken)
        => exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;
}
