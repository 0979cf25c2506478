using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;

namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// Who may do what: the bearer token must be a tenant's (else 401), and reaches only that tenant's
/// organisation (<c>/api/v1/{org_id}</c>) and practice (<c>X-Practice-Id</c>, required on
/// <c>/v2/sites</c>), else 403.
/// </summary>
internal static class AccessPolicy
{
    /// <summary>The 401, 400 or 403 answer for a request that may not proceed; <see langword="null"/> when it may, as the tenant its token names (<see cref="ReceivedRequest.Tenant"/>).</summary>
    public static SandboxResponse? Refusal(SandboxRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Header("Authorization")))
        {
            return Problems.Unauthorized(request, "The bearer token is missing.");
        }

        if (request.Received.Tenant is not { } tenant)
        {
            return Problems.Unauthorized(request, "The bearer token is missing, expired or revoked.");
        }

        var practice = request.Received.PracticeId;
        if (string.IsNullOrWhiteSpace(practice))
        {
            return request.Path.StartsWith("/v2/", StringComparison.Ordinal)
                ? Problems.Malformed(request, "The X-Practice-Id header is required.")
                : OrganisationRefusal(request, tenant);
        }

        return string.Equals(practice, tenant.PracticeId, StringComparison.Ordinal)
            ? OrganisationRefusal(request, tenant)
            : Problems.Forbidden(request, $"This token may not access practice {practice}.");
    }

    private static SandboxResponse? OrganisationRefusal(SandboxRequest request, NexGenSandboxTenant tenant)
        => request.Received.OrganizationId is not { } organisation || string.Equals(organisation, tenant.OrganizationId, StringComparison.Ordinal)
            ? null
            : Problems.Forbidden(request, $"This token may not access organisation {organisation}.");
}
