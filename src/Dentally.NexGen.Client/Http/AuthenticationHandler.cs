using System.Net;
using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// Sets <c>Authorization: Bearer …</c> on every attempt, with the token of the request's tenant (the
/// scope that made it, else the client's options). When the token provider can refresh, a 401 causes
/// one refresh of that tenant's token and, if that gives a different token, one resend: never a loop,
/// and never of a request a redirecting transport moved to another host (<see cref="RequestSafety.MovedAway"/>).
/// </summary>
internal sealed class AuthenticationHandler(BearerTokenSource tokens, NexGenScope clientScope) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tenant = RequestScope.Get(request) ?? clientScope;
        var pending = tenant.HasTenant ? tokens.GetAsync(tenant, cancellationToken) : default;
        if (tenant.HasTenant && !tokens.CanRefresh && pending.IsCompletedSuccessfully)
        {
            // A token that cannot be refreshed leaves nothing to do with the answer: no asynchronous layer.
            request.Headers.Authorization = pending.Result.Header;
            return base.SendAsync(request, cancellationToken);
        }

        return SendWithTokenAsync(request, tenant, pending, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, NexGenScope tenant, ValueTask<BearerToken> pending, CancellationToken cancellationToken)
    {
        if (!tenant.HasTenant)
        {
            throw NexGenScope.NoTenant();
        }

        var token = await pending.ConfigureAwait(false);
        request.Headers.Authorization = token.Header;
        var sentTo = request.RequestUri;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !tokens.CanRefresh || RequestSafety.MovedAway(request, sentTo))
        {
            return response;
        }

        BearerToken fresh;
        try
        {
            fresh = await tokens.RefreshAsync(tenant, token, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (fresh.IsSameAs(token))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = fresh.Header;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
