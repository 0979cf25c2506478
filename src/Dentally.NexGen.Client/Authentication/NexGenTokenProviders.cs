namespace Dentally.NexGen.Client;

/// <summary>Ready-made <see cref="INexGenTokenProvider"/>s.</summary>
public static class NexGenTokenProviders
{
    /// <summary>A provider that always returns the same token, for every tenant (it cannot refresh).</summary>
    /// <param name="token">The bearer token.</param>
    /// <returns>The provider.</returns>
    public static INexGenTokenProvider Static(string token) => new StaticTokenProvider(Guard.NotNull(token, nameof(token)));

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
    /// A provider that keeps each tenant's token until two minutes before it expires, then asks
    /// <paramref name="acquire"/> again. Concurrent requests of one tenant share one acquisition, and a
    /// refresh after a 401 replaces only that tenant's token.
    /// </summary>
    /// <param name="acquire">Obtains a token for a tenant, for example from the identity provider.</param>
    /// <param name="timeProvider">The clock expiry is judged by; default the system clock.</param>
    /// <returns>The provider.</returns>
    public static INexGenTokenProvider Cached(Func<NexGenTokenRequest, CancellationToken, ValueTask<NexGenAccessToken>> acquire, TimeProvider? timeProvider = null)
        => new CachingTokenProvider(Guard.NotNull(acquire, nameof(acquire)), timeProvider ?? TimeProvider.System);

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
