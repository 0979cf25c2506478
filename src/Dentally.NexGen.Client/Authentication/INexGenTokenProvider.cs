namespace Dentally.NexGen.Client;

/// <summary>Supplies bearer tokens for the NexGen API.</summary>
public interface INexGenTokenProvider
{
    /// <summary>Returns a bearer token (without the <c>Bearer </c> prefix).</summary>
    /// <param name="forceRefresh">
    /// <see langword="true"/> after the API rejected the last token with 401: return a fresh one, not a cached one.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token.</returns>
    ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
