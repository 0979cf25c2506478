using NSwag;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// Where each OAuth 2 flow of a scheme gets its tokens: a token endpoint moved is a change for the integrator's
/// token provider, and one the report should name, not hide behind a bare <c>oauth2</c>.
/// </summary>
internal static class OAuthFlowSources
{
    /// <summary>The scheme's flows by name (<c>client credentials</c>, <c>authorization code</c>, …), each with its token endpoint.</summary>
    public static IReadOnlyDictionary<string, string> Of(OpenApiOAuthFlows? flows)
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add("client credentials", flows?.ClientCredentials);
        Add("authorization code", flows?.AuthorizationCode);
        Add("password", flows?.Password);
        Add("implicit", flows?.Implicit);
        return sources;

        void Add(string name, OpenApiOAuthFlow? flow)
        {
            if (flow is not null)
            {
                // The implicit flow has no token endpoint: its tokens come from the authorization endpoint.
                sources.Add(name, flow.TokenUrl ?? flow.AuthorizationUrl ?? "no endpoint");
            }
        }
    }
}
