using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// The contract has no redirects. A server (or a proxy in front of it) that answers with one must not
/// carry the call elsewhere: the SDK's transport does not follow it, and with a transport of the
/// caller's own that does, the SDK never sends the redirected request again, so its retries and its
/// resend after a 401 never put the bearer token on a request to another host.
/// </summary>
public sealed class RedirectTests : IDisposable
{
    private readonly WireMockServer _api = WireMockServer.Start(new WireMockServerSettings { Port = 0, StartAdminInterface = false });
    private readonly WireMockServer _elsewhere = WireMockServer.Start(new WireMockServerSettings { Port = 0, StartAdminInterface = false });

    public RedirectTests()
    {
        _api.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", _elsewhere.Url + "/collect").WithHeader("X-Request-Id", "req_302"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_SDKs_own_transport_follows_no_redirect(bool throughDependencyInjection)
    {
        _elsewhere.Given(Request.Create()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var services = new ServiceCollection();
        services.AddNexGenClient(o => SdkHarness.Configure(o, _api.Url!));
        using var provider = services.BuildServiceProvider();
        var client = throughDependencyInjection ? provider.GetRequiredService<NexGenClient>() : new NexGenClient(SdkHarness.NewOptions(_api.Url!));

        var error = await Assert.ThrowsAsync<NexGenApiException>(() => client.Providers.ListAsync());

        Assert.Equal(302, error.StatusCode);
        Assert.Equal("req_302", error.RequestId);
        Assert.Single(_api.LogEntries);
        Assert.Empty(_elsewhere.LogEntries);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(401)]
    public async Task A_request_a_transport_of_your_own_redirected_elsewhere_is_never_sent_again_with_the_token(int elsewhereStatus)
    {
        _elsewhere.Given(Request.Create()).RespondWith(SdkHarness.Problem(elsewhereStatus, elsewhereStatus == 401 ? "unauthorized" : "server-error", "No"));
        var options = SdkHarness.NewOptions(_api.Url!);
        options.Token = null;
        options.TokenProvider = NexGenTokenProviders.FromDelegate((request, _) => new ValueTask<string>(request.ForceRefresh ? "tok_SECRET_fresh" : SdkHarness.Token));
        using var redirecting = new SocketsHttpHandler(); // follows redirects, as HttpClientHandler does by default
        var client = new NexGenClient(options, redirecting);

        var error = await Assert.ThrowsAnyAsync<NexGenApiException>(() => client.Providers.ListAsync());

        Assert.Equal(elsewhereStatus, error.StatusCode);
        Assert.Single(_api.LogEntries);
        var redirected = Assert.Single(_elsewhere.LogEntries).RequestMessage!;
        Assert.False(redirected.Headers!.ContainsKey("Authorization"));
    }

    public void Dispose()
    {
        _api.Dispose();
        _elsewhere.Dispose();
    }
}
