using System.Net.Http.Headers;

namespace Dentally.NexGen.Client;

/// <summary>
/// Turns the token provider's tokens into <c>Authorization</c> header values. The header for the
/// current token is built once and shared by every request until the token changes.
/// </summary>
internal sealed class BearerTokenSource
{
    private readonly INexGenTokenProvider _provider;
    private BearerToken? _current;

    public BearerTokenSource(INexGenTokenProvider provider, bool canRefresh)
    {
        _provider = provider;
        CanRefresh = canRefresh;
    }

    /// <summary>Whether a 401 is worth one more try with a fresh token (a static token cannot change).</summary>
    public bool CanRefresh { get; }

    public async ValueTask<BearerToken> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var token = await _provider.GetTokenAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
        var current = _current;
        if (current is not null && current.Holds(token))
        {
            return current;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            // The message says where the problem is, never what the token was.
            throw new InvalidOperationException("The NexGen token provider returned an empty token.");
        }

        // Header values are only read once set, so one instance can serve concurrent requests.
        current = new BearerToken(token, new AuthenticationHeaderValue("Bearer", token));
        _current = current;
        return current;
    }
}
