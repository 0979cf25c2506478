namespace Dentally.NexGen.Client;

/// <summary>
/// Supplies bearer tokens for the NexGen API, per organisation and practice: one provider serves every
/// tenant a client reaches (see <see cref="NexGenClient.ForPractice"/>). Ready-made ones are in
/// <see cref="NexGenTokenProviders"/>.
/// </summary>
public interface INexGenTokenProvider
{
    /// <summary>Returns a bearer token (without the <c>Bearer </c> prefix) for the request's tenant.</summary>
    /// <param name="request">
    /// The organisation and practice; <see cref="NexGenTokenRequest.ForceRefresh"/> after the API refused
    /// the tenant's last token with 401.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token.</returns>
    /// <remarks>Called before every HTTP attempt, so a provider whose tokens cost a round trip caches them (as <see cref="NexGenTokenProviders.Cached"/> does).</remarks>
    ValueTask<string> GetTokenAsync(NexGenTokenRequest request, CancellationToken cancellationToken);
}
