namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>One scheme of a security requirement with the scopes its token must carry (OAuth 2, OpenID Connect).</summary>
internal sealed class SecurityRequirement(SecurityCredential credential, IReadOnlyCollection<string> scopes)
{
    /// <summary>What a client holds for the scheme.</summary>
    public SecurityCredential Credential { get; } = credential;

    /// <summary>The scopes required, ordered; empty for none.</summary>
    public IReadOnlyCollection<string> Scopes { get; } = scopes;

    /// <summary>
    /// Whether a client that holds what <paramref name="held"/> asks for meets this requirement: the scheme accepts
    /// its credential and asks for no scope <paramref name="held"/> did not (a scope no longer required takes nothing away).
    /// </summary>
    public bool IsMetBy(SecurityRequirement held)
        => Credential.Accepts(held.Credential) && Scopes.All(held.Scopes.Contains);

    /// <summary><c>oauth2 (client credentials from https://…/token) with scopes appointments:read, appointments:write</c>.</summary>
    public override string ToString() => Scopes.Count == 0 ? Credential.ToString() : $"{Credential} with scopes {string.Join(", ", Scopes)}";
}
