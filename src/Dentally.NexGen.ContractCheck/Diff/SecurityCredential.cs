using NSwag;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// What a client holds to satisfy one security scheme, described by what it sends and where it gets it —
/// <c>http bearer</c>, <c>apiKey in header X-Api-Key</c>, an OAuth 2 token from each flow's endpoint — not by the
/// scheme's name in the document, which no request carries: renaming a scheme changes nothing.
/// </summary>
internal sealed class SecurityCredential(string kind, IReadOnlyDictionary<string, string> flows)
{
    private static readonly IReadOnlyDictionary<string, string> NoFlows = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The scheme's type and how it is sent, e.g. <c>http bearer</c>, <c>oauth2</c>, <c>openIdConnect https://…</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>An OAuth 2 scheme's flows, by name, each with where its tokens come from; empty for any other type.</summary>
    public IReadOnlyDictionary<string, string> Flows { get; } = flows;

    /// <summary>
    /// Whether the credential is an <c>Authorization: Bearer</c> token, the only credential the SDK sends: an
    /// http bearer token, or one from an OAuth 2 or OpenID Connect authorization server.
    /// </summary>
    public bool IsBearerToken => Kind is "http bearer" or "oauth2" || Kind.StartsWith("openIdConnect", StringComparison.Ordinal);

    /// <summary>
    /// Whether a client holding <paramref name="held"/> satisfies this scheme: the same type, sent the same way,
    /// and every flow it may get tokens from still there with the same endpoint (an integrator's token provider
    /// uses one of them, which one the contract cannot tell). Flows this scheme adds take nothing away.
    /// </summary>
    public bool Accepts(SecurityCredential held)
        => Kind == held.Kind && held.Flows.All(flow => Flows.TryGetValue(flow.Key, out var source) && source == flow.Value);

    /// <summary>The credential the named scheme of the document asks for; a name the document does not define is one no client can hold.</summary>
    public static SecurityCredential Of(OpenApiDocument document, string name)
    {
        if (document.Components?.SecuritySchemes is not { } schemes || !schemes.TryGetValue(name, out var scheme))
        {
            return new("undefined scheme " + name, NoFlows);
        }

        return scheme.Type switch
        {
            OpenApiSecuritySchemeType.Http => new("http " + scheme.Scheme?.ToLowerInvariant(), NoFlows),
            OpenApiSecuritySchemeType.Basic => new("http basic", NoFlows),
            OpenApiSecuritySchemeType.ApiKey => new($"apiKey in {scheme.In.ToString().ToLowerInvariant()} {scheme.Name}", NoFlows),
            OpenApiSecuritySchemeType.OpenIdConnect => new("openIdConnect " + scheme.OpenIdConnectUrl, NoFlows),
            OpenApiSecuritySchemeType.OAuth2 => new("oauth2", OAuthFlowSources.Of(scheme.Flows)),
            _ => new("scheme " + name, NoFlows),
        };
    }

    /// <summary><c>oauth2 (client credentials from https://auth.example.com/oauth/token)</c>: a moved token endpoint shows.</summary>
    public override string ToString()
        => Flows.Count == 0 ? Kind : $"{Kind} ({string.Join("; ", Flows.Select(flow => $"{flow.Key} from {flow.Value}"))})";
}
