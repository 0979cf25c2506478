using NSwag;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// How an operation may authenticate: its <c>security</c> (or the document's), as the set of alternatives
/// it accepts, each described by what a client sends — <c>http bearer</c>, <c>apiKey in header X-Api-Key</c>,
/// <c>none</c> — not by the scheme's name in the document, so renaming a scheme changes nothing.
/// </summary>
internal static class SecurityAlternatives
{
    public const string None = "none";

    public static SortedSet<string> Of(OpenApiDocument document, OpenApiOperation operation)
    {
        var alternatives = new SortedSet<string>(StringComparer.Ordinal);
        var requirements = operation.Security ?? document.Security;
        if (requirements is null || requirements.Count == 0)
        {
            alternatives.Add(None);
            return alternatives;
        }

        foreach (var requirement in requirements)
        {
            alternatives.Add(requirement.Count == 0 ? None : string.Join(" + ", requirement.Keys.Select(name => Describe(document, name)).Order(StringComparer.Ordinal)));
        }

        return alternatives;
    }

    private static string Describe(OpenApiDocument document, string name)
    {
        if (document.Components?.SecuritySchemes is not { } schemes || !schemes.TryGetValue(name, out var scheme))
        {
            return "undefined scheme " + name;
        }

        return scheme.Type switch
        {
            OpenApiSecuritySchemeType.Http => "http " + scheme.Scheme?.ToLowerInvariant(),
            OpenApiSecuritySchemeType.Basic => "http basic",
            OpenApiSecuritySchemeType.ApiKey => $"apiKey in {scheme.In.ToString().ToLowerInvariant()} {scheme.Name}",
            OpenApiSecuritySchemeType.OpenIdConnect => "openIdConnect " + scheme.OpenIdConnectUrl,
            OpenApiSecuritySchemeType.OAuth2 => "oauth2" + Flows(scheme.Flows),
            _ => "scheme " + name,
        };
    }

    /// <summary>
    /// Where each OAuth 2 flow gets its tokens: a token endpoint moved is a change for the integrator's token
    /// provider, and one the report should name, not hide behind a bare <c>oauth2</c>.
    /// </summary>
    private static string Flows(OpenApiOAuthFlows? flows)
    {
        var described = new List<string>();
        Add("client credentials", flows?.ClientCredentials);
        Add("authorization code", flows?.AuthorizationCode);
        Add("password", flows?.Password);
        Add("implicit", flows?.Implicit);
        return described.Count == 0 ? string.Empty : " (" + string.Join("; ", described) + ")";

        void Add(string flowName, OpenApiOAuthFlow? flow)
        {
            if (flow is not null)
            {
                described.Add(flowName + " from " + (flow.TokenUrl ?? flow.AuthorizationUrl));
            }
        }
    }
}
