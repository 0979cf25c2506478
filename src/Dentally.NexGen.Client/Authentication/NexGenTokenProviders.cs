namespace Dentally.NexGen.Client;

/// <summary>Ready-made <see cref="INexGenTokenProvider"/>s.</summary>
public static class NexGenTokenProviders
{
    /// <summary>A provider that always returns the same token, for every tenant (it cannot refresh).</summary>
    /// <param name="token">The bearer token alone (the SDK adds <c>Bearer </c>): visible ASCII, without white space.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty or not one the Authorization header can carry as it is.</exception>
    public static INexGenTokenProvider Static(string token)
        => new StaticTokenProvider(TokenRule.Problem(Guard.NotNull(token, nameof(token))) is { } problem
            ? throw new ArgumentException($"token {problem}.", nameof(token))
            : token);

    /// <summary>
    /// A provider backed by a delegate, called before every HTTP attempt with the request's tenant, and
    /// with <see cref="NexGenTokenRequest.ForceRefresh"/> after a 401. It keeps nothing: for tokens that
    /// cost a round trip, use <see cref="Cached"/>.
    /// </summary>
    /// <param name="getToken">Returns a token for the tenant; when asked to refresh it must not return a cached token.</param>
    /// <returns>The provider.</returns>
    public static INexGenTokenProvider FromDelegate(Func<NexGenTokenRequest, CancellationToken, ValueTask<string>> getToken)
        => new DelegateTokenProvider(Guard.NotNull(getToken, nameof(getToken)));

    /// <summary>
    /// A provider that keeps each token until two minutes before it expires, then asks
    /// <paramref name="acquire"/> again. A token serves one tenant, or all the practices of an
    /// organisation, or every tenant, as <paramref name="sharing"/> says. Concurrent requests for one
    /// token share one acquisition, and a refresh after a 401 replaces only that token.
    /// </summary>
    /// <param name="acquire">
    /// Obtains a token, for example from the identity provider. It is asked with the request of the
    /// tenant that needed the token first; with shared tokens, it must return one valid for all the tenants
    /// it is shared by.
    /// </param>
    /// <param name="timeProvider">The clock expiry is judged by; default the system clock.</param>
    /// <param name="sharing">Which tenants one token serves; default one token per organisation and practice.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sharing"/> is not a defined value.</exception>
    public static INexGenTokenProvider Cached(
        Func<NexGenTokenRequest, CancellationToken, ValueTask<NexGenAccessToken>> acquire,
        TimeProvider? timeProvider = null,
        NexGenTokenSharing sharing = NexGenTokenSharing.PerPractice)
        => new CachingTokenProvider(
            Guard.NotNull(acquire, nameof(acquire)),
            timeProvider ?? TimeProvider.System,
            sharing is >= NexGenTokenSharing.PerPractice and <= NexGenTokenSharing.PerPartner
                ? sharing
                : throw new ArgumentOutOfRangeException(nameof(sharing), sharing, "sharing must be PerPractice, PerOrganization or PerPartner."));

    private sealed class StaticTokenProvider(string token) : INexGenTokenProvider
    {
        public ValueTask<string> GetTokenAsync(NexGenTokenRequest request, CancellationToken cancellationToken) => new(token);

        public override string ToString() => "StaticTokenProvider(***)";
    }

    private sealed class DelegateTokenProvider(Func<NexGenTokenRequest, CancellationToken, ValueTask<string>> getToken) : INexGenTokenProvider
    {
        public ValueTask<string> GetTokenAsync(NexGenTokenRequest request, CancellationToken cancellationToken) => getToken(request, cancellationToken);

        public override string ToString() => "DelegateTokenProvider";
    }
}
