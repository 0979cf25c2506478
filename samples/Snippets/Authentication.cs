using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples.Snippets;

internal static class Authentication
{
    public static NexGenClientOptions RefreshingTokens(NexGenClientOptions options, TokenService tokens)
    {
        #region snippet:token-provider
        options.Token = null;
        options.TokenProvider = NexGenTokenProviders.FromDelegate(async (forceRefresh, cancellationToken) =>
            forceRefresh
                ? await tokens.RenewAsync(cancellationToken)          // after a 401: once, never in a loop
                : await tokens.GetCachedOrNewAsync(cancellationToken));
        #endregion
        return options;
    }

    internal sealed class TokenService
    {
        public Task<string> RenewAsync(CancellationToken cancellationToken) => Task.FromResult("new");

        public Task<string> GetCachedOrNewAsync(CancellationToken cancellationToken) => Task.FromResult("cached");
    }
}
