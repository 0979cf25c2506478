using NSwag;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// How an operation may authenticate: its <c>security</c>, or the document's when it has none, as the
/// alternatives it accepts, any one of which will do. No <c>security</c> anywhere, <c>security: []</c> or an
/// empty <c>{}</c> among them is anonymous access.
/// </summary>
internal static class SecurityAlternatives
{
    public static IReadOnlyList<SecurityAlternative> Of(OpenApiDocument document, OpenApiOperation operation)
    {
        var requirements = operation.Security ?? document.Security;
        if (requirements is null || requirements.Count == 0)
        {
            return [new SecurityAlternative([])];
        }

        return [.. requirements.Select(requirement => new SecurityAlternative([.. requirement.Select(scheme => Requirement(document, scheme.Key, scheme.Value))]))];
    }

    /// <summary>Every alternative as it reads, ordered, so two contracts that say the same compare equal: <c>http bearer or none</c>.</summary>
    public static string Describe(IEnumerable<SecurityAlternative> alternatives)
        => string.Join(" or ", alternatives.Select(a => a.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static SecurityRequirement Requirement(OpenApiDocument document, string scheme, IEnumerable<string>? scopes)
        => new(SecurityCredential.Of(document, scheme), [.. (scopes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}
