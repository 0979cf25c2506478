using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;
using Dentally.NexGen.Client.Testing.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Middleware;

/// <summary>
/// Bearer authentication and tenant scoping, before any operation: the token must be a tenant's (else
/// 401), and reaches only that tenant's organisation (<c>/api/v1/{org_id}</c>) and practice
/// (<c>X-Practice-Id</c>, required on <c>/v2/sites</c>), else 403. The tenant then picks the
/// organisation whose data the request is served from.
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var exchange = context.Exchange();
        if (Refusal(exchange.Request) is not { } refusal)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await exchange.HoldAsync().ConfigureAwait(false);
        exchange.Answer = refusal;
    }

    private static SandboxResponse? Refusal(SandboxRequest request)
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
