using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task A_refreshing_provider_gets_one_refresh_and_one_retry_after_a_401()
    {
        var calls = new List<bool>();
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((request, _) =>
            {
                calls.Add(request.ForceRefresh);
                return new ValueTask<string>(request.ForceRefresh ? "fresh-token" : "stale-token");
            });
        });
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer stale-token")).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        harness.Server.Given(Request.Create().UsingGet().WithHeader("Authorization", "Bearer fresh-token")).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));

        await harness.Client.Providers.ListAsync();

        Assert.Equal(new[] { false, true }, calls);
        Assert.Equal(new[] { "Bearer stale-token", "Bearer fresh-token" }, harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_second_401_is_surfaced_without_looping()
    {
        var refreshes = 0;
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((request, _) => new ValueTask<string>(request.ForceRefresh ? "token-" + ++refreshes : "token-0"));
        });
        harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));

        var error = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => harness.Client.Providers.ListAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(1, refreshes);
        Assert.Equal(2, harness.Requests.Count);
    }

    [Fact]
    public async Task A_static_token_is_not_retried_on_401()
    {
        using var harness = new SdkHarness();
        harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));

        var error = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => harness.Client.Providers.ListAsync());

        Assert.Single(harness.Requests);
        Assert.DoesNotContain(SdkHarness.Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SdkHarness.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_fetched_for_every_attempt()
    {
        var fetched = 0;
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => new ValueTask<string>("token-" + ++fetched));
        });
        harness.RespondInSequence(Request.Create().UsingGet(), SdkHarness.Problem(503, "server-error", "Unavailable"), SdkHarness.Json(200, Bodies.EmptyProviders));

        await harness.Client.Providers.ListAsync();

        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_rotated_token_replaces_the_header_the_handler_reuses_for_an_unchanged_one()
    {
        var tokens = new Queue<string>(["token-a", "token-a", "token-b", "token-a"]);
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => new ValueTask<string>(tokens.Dequeue()));
        });
        harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));

        for (var call = 0; call < 4; call++)
        {
            await harness.Client.Providers.ListAsync();
        }

        Assert.Equal(new[] { "Bearer token-a", "Bearer token-a", "Bearer token-b", "Bearer token-a" }, harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }
}
