namespace Dentally.NexGen.Client;

/// <summary>
/// What a bearer token must be for the <c>Authorization</c> header to carry it as it is: the same rule for
/// <see cref="NexGenClientOptions.Token"/>, <see cref="NexGenTokenProviders.Static"/> and a token any provider
/// returns, so a token that could only fail at the send (or be sent as <c>Bearer Bearer …</c>) never is.
/// Each problem says what is wrong, never what the token was.
/// </summary>
internal static class TokenRule
{
    /// <summary>What is wrong with <paramref name="token"/>, as a predicate ("must not be empty"), or <see langword="null"/>.</summary>
    public static string? Problem(string? token)
        => string.IsNullOrWhiteSpace(token) ? "must not be empty"
            // Copied with its scheme from a curl line's Authorization header: say what to drop, not only "white space".
            : token!.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? "must be the token alone, without the 'Bearer ' prefix: the SDK adds it to the Authorization header itself"
            // The scheme alone: a token variable left unset in a template such as "Bearer $TOKEN".
            : string.Equals(token, "Bearer", StringComparison.OrdinalIgnoreCase) ? "is the scheme 'Bearer' alone, not a token: set the token itself"
            : token.Any(char.IsWhiteSpace) ? "must not contain white space"
            // An Authorization header carries ASCII only: anything else would fail at the send.
            : !Validate.IsPrintableAscii(token) ? "must be visible ASCII characters, as an Authorization header carries it"
            : null;
}
