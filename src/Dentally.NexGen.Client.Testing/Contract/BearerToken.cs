namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>The token of an <c>Authorization: Bearer …</c> header (the scheme in any case, the token trimmed).</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static string? From(string? authorization)
        => authorization is not null && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[Scheme.Length..].Trim()
            : null;
}
