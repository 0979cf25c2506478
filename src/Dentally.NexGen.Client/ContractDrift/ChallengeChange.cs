using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Dentally.NexGen.Client;

/// <summary>
/// What a 401's <c>WWW-Authenticate</c> says has changed from the contract's plain <c>Bearer</c> challenge, for
/// the exception's message and the drift report: another scheme asked for (<c>DPoP</c>: a new token will not help),
/// or a Bearer challenge naming protected-resource metadata (RFC 9728 <c>resource_metadata</c>: the API points to
/// the authorization server it now takes tokens from). Never the token: a challenge does not carry it.
/// </summary>
internal static class ChallengeChange
{
    // How much of a server's text a message repeats: a scheme that looks like one, an address of a sensible length.
    private const int MaxSchemeLength = 32;
    private const int MaxShown = 256;
    private static readonly Regex SchemeToken = new("^[A-Za-z][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex ResourceMetadataParameter = new("(?:^|,)\\s*resource_metadata\\s*=\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>The scheme a 401 asks for when none of its challenges is <c>Bearer</c> (named when it looks like one), else <see langword="null"/>.</summary>
    public static string? OtherScheme(HttpResponseMessage response)
    {
        var challenges = response.Headers.WwwAuthenticate;
        if (challenges.Count == 0 || challenges.Any(IsBearer))
        {
            return null;
        }

        var scheme = challenges.First().Scheme;
        return scheme.Length <= MaxSchemeLength && SchemeToken.IsMatch(scheme) ? scheme : "another scheme";
    }

    /// <summary>The <c>resource_metadata</c> address of a 401's Bearer challenge (scheme, host and path), else <see langword="null"/>.</summary>
    public static string? ResourceMetadata(HttpResponseMessage response)
        => response.Headers.WwwAuthenticate.FirstOrDefault(IsBearer)?.Parameter is { } parameters ? ResourceMetadata(parameters) : null;

    /// <summary>The <c>resource_metadata</c> address in a Bearer challenge's parameters (scheme, host and path), else <see langword="null"/>.</summary>
    public static string? ResourceMetadata(string parameters)
    {
        var match = ResourceMetadataParameter.Match(parameters);
        return match.Success
            && Uri.TryCreate(match.Groups[1].Value, UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            && address.AbsoluteUri.Length <= MaxShown
            ? address.Scheme + "://" + address.Authority + address.AbsolutePath
            : null;
    }

    /// <summary>What a 401 says has changed, for its exception's message; <see langword="null"/> for the contract's own challenge.</summary>
    public static string? Describe(HttpResponseMessage response)
    {
        if (OtherScheme(response) is { } scheme)
        {
            return "The API asks for " + scheme + " authentication, not the Bearer token the SDK sends: its authentication changed, and a new token will not help; look for an SDK update (docs/contract-drift.md)";
        }

        return ResourceMetadata(response) is { } metadata
            ? "The API names its protected-resource metadata at " + metadata + ": it may now take tokens only from the authorization server listed there; check where your token provider gets its tokens"
            : null;
    }

    private static bool IsBearer(AuthenticationHeaderValue challenge) => string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);
}
