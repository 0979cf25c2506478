using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Dentally.NexGen.Client;

/// <summary>
/// Adds <c>Authorization: Bearer …</c> to every attempt. After a 401, a refreshable provider is asked
/// once for a fresh token and the request is sent once more; it never loops.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly INexGenTokenProvider _provider;
    private readonly bool _canRefresh;

    public BearerTokenHandler(INexGenTokenProvider provider, bool canRefresh)
    {
        _provider = provider;
        _canRefresh = canRefresh;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _provider.GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = Header(token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !_canRefresh)
        {
            return response;
        }

        var refreshed = await _provider.GetTokenAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
        if (string.Equals(refreshed, token, StringComparison.Ordinal))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = Header(refreshed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static AuthenticationHeaderValue Header(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            // The message says where the problem is, never what the token was.
            throw new InvalidOperationException("The NexGen token provider returned an empty token.");
        }

        return new AuthenticationHeaderValue("Bearer", token);
    }
}
