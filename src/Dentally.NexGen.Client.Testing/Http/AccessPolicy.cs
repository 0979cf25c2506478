namespace Dentally.NexGen.Client.Testing.Http;

/// <summary>
/// Bearer authentication and scoping, checked before any operation: one token, one organisation
/// (<c>/api/v1/{org_id}</c>) and one practice (<c>X-Practice-Id</c>, required on <c>/v2/sites</c>).
/// </summary>
internal sealed class AccessPolicy
{
    private const string OrganisationPrefix = "/api/v1/";
    private readonly NexGenSandboxOptions _options;

    public AccessPolicy(NexGenSandboxOptions options) => _options = options;

    /// <summary>The 401, 400 or 403 response for a request that may not proceed; <see langword="null"/> when it may.</summary>
    public SandboxResponse? Check(SandboxRequest request)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Problems.Unauthorized(request, "The bearer token is missing.");
        }

        if (!IsOurToken(authorization))
        {
            return Problems.Unauthorized(request, "The bearer token is missing, expired or revoked.");
        }

        var practice = request.Header("X-Practice-Id");
        if (string.IsNullOrWhiteSpace(practice))
        {
            return request.Path.StartsWith("/v2/", StringComparison.Ordinal)
                ? Problems.Malformed(request, "The X-Practice-Id header is required.")
                : OrganisationCheck(request);
        }

        if (!string.Equals(practice, _options.PracticeId, StringComparison.Ordinal))
        {
            return Problems.Forbidden(request, $"This token may not access practice {practice}.");
        }

        return OrganisationCheck(request);
    }

    private SandboxResponse? OrganisationCheck(SandboxRequest request)
    {
        if (!request.Path.StartsWith(OrganisationPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = request.Path[OrganisationPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var organisation = slash < 0 ? rest : rest[..slash];
        return string.Equals(organisation, _options.OrganizationId, StringComparison.Ordinal)
            ? null
            : Problems.Forbidden(request, $"This token may not access organisation {organisation}.");
    }

    private bool IsOurToken(string authorization)
    {
        const string Scheme = "Bearer ";
        return authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[Scheme.Length..].Trim(), _options.Token, StringComparison.Ordinal);
    }
}
