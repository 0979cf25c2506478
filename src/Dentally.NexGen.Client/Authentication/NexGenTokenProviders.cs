namespace Dentally.NexGen.Client;

/// <summary>Ready-made <see cref="INexGenTokenProvider"/>s.</summary>
public static class NexGenTokenProviders
{
    /// <summary>A provider that always returns the same token (it cannot refresh).</summary>
    /// <param name="token">The bearer token.</param>
    /// <returns>The provider.</returns>
    public static INexGenTokenProvider Static(string token) => new StaticTokenProvider(token);

    /// <summary>A provider backed by a delegate, called with <c>forceRefresh</c> after a 401.</summary>
    /// <param name="getToken">Returns a token; when its first argument is <see langword="true"/> it must not return a cached token.</param>
    /// <returns>The provider.</returns>
    public static INexGenTokenProvider FromDelegate(Func<bool, CancellationToken, ValueTask<string>> getToken)
        => new DelegateTokenProvider(Guard.NotNull(getToken, nameof(getToken)));

    private sealed class StaticTokenProvider(string token) : INexGenTokenProvider
    {
        public ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => new(token);

        public override string ToString() => "StaticTokenProvider(***)";
    }

    private sealed class DelegateTokenProvider(Func<bool, CancellationToken, ValueTask<string>> getToken) : INexGenTokenProvider
    {
        public ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => getToken(forceRefresh, cancellationToken);

        public override string ToString() => "DelegateTokenProvider";
    }
}
