namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// One alternative of an operation's <c>security</c>: schemes that must all be satisfied together. An
/// alternative with none (<c>{}</c>) is anonymous access.
/// </summary>
internal sealed class SecurityAlternative(IReadOnlyList<SecurityRequirement> requirements)
{
    /// <summary>The written form of the anonymous alternative.</summary>
    public const string None = "none";

    /// <summary>The schemes to satisfy together, ordered by how they read.</summary>
    public IReadOnlyList<SecurityRequirement> Requirements { get; } = [.. requirements.OrderBy(r => r.ToString(), StringComparer.Ordinal)];

    /// <summary>
    /// Whether the SDK can satisfy the alternative: it asks for bearer tokens only, the one credential the SDK
    /// sends. An API key beside it, or instead of it, is a way other clients call the operation.
    /// </summary>
    public bool IsUsableBySdk => Requirements.Count > 0 && Requirements.All(r => r.Credential.IsBearerToken);

    /// <summary>
    /// Whether a client that satisfies <paramref name="held"/> satisfies this alternative too: each of its schemes is
    /// met by one <paramref name="held"/> has. An anonymous alternative is met by anything.
    /// </summary>
    public bool IsMetBy(SecurityAlternative held) => Requirements.All(required => held.Requirements.Any(required.IsMetBy));

    /// <summary><c>http bearer</c>, <c>apiKey in header X-Api-Key + http bearer</c>, <c>none</c>.</summary>
    public override string ToString() => Requirements.Count == 0 ? None : string.Join(" + ", Requirements);
}
