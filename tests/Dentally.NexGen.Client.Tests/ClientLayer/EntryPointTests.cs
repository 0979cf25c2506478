using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>Both ways in — DI and the plain constructor — give a working, configured-once client.</summary>
public sealed class EntryPointTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Fact]
    public async Task The_plain_constructor_sends_auth_practice_and_user_agent()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));

        await _harness.Client.Providers.ListAsync();

        AssertConfiguredRequest(_harness.Requests.Single(), expectedSuffix: null);
    }

    [Fact]
    public async Task Each_client_keeps_the_scope_its_options_had_when_it_was_built()
    {
        // Clients built from the same options share one scope; changing the options afterwards must
        // neither reach a client already built nor be missed by the next one.
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var options = SdkHarness.NewOptions(_harness.Server.Url!);
        var first = new NexGenClient(options);
        var firstOrganization = options.OrganizationId;
        options.OrganizationId = "org_changed_afterwards";
        options.PracticeId = "prac_changed_afterwards";
        var second = new NexGenClient(options);

        await first.Providers.ListAsync();
        await second.Providers.ListAsync();

        Assert.Equal("/api/v1/" + firstOrganization + "/providers", _harness.Requests[0].Path);
        Assert.Equal(SdkHarness.NewOptions("http://x").PracticeId, _harness.Requests[0].Headers!["X-Practice-Id"].Single());
        Assert.Equal("/api/v1/org_changed_afterwards/providers", _harness.Requests[1].Path);
        Assert.Equal("prac_changed_afterwards", _harness.Requests[1].Headers!["X-Practice-Id"].Single());
    }

    [Fact]
    public async Task DI_with_configuration_binding_gives_a_working_typed_client()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NexGen:BaseAddress"] = _harness.Server.Url,
            ["NexGen:OrganizationId"] = SdkHarness.Org,
            ["NexGen:PracticeId"] = SdkHarness.Practice,
            ["NexGen:Token"] = SdkHarness.Token,
            ["NexGen:UserAgentSuffix"] = "acme-booking/2.3",
            ["NexGen:Retry:MaxRetries"] = "1",
            ["NexGen:AttemptTimeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();
        var builder = services.AddNexGenClient(configuration.GetSection("NexGen"));
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var provider = services.BuildServiceProvider();

        Assert.Equal(NexGenServiceCollectionExtensions.HttpClientName, builder.Name);
        var client = provider.GetRequiredService<NexGenClient>();
        await client.Providers.ListAsync();

        Assert.Equal(1, client.Options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), client.Options.AttemptTimeout);
        AssertConfiguredRequest(_harness.Requests.Single(), expectedSuffix: "acme-booking/2.3");
    }

    [Fact]
    public async Task A_User_Agent_the_app_sets_itself_is_sent_as_it_is_and_only_once()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var services = new ServiceCollection();
        services.AddNexGenClient(o =>
        {
            o.BaseAddress = new Uri(_harness.Server.Url!);
            o.OrganizationId = SdkHarness.Org;
            o.PracticeId = SdkHarness.Practice;
            o.Token = SdkHarness.Token;
        }).ConfigureHttpClient(http => http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "acme-gateway/9.1"));
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<NexGenClient>().Providers.ListAsync();

        Assert.Equal("acme-gateway/9.1", Assert.Single(_harness.Requests.Single().Headers!["User-Agent"]));
    }

    [Fact]
    public void DI_validates_options_at_start_up_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddNexGenClient(o =>
        {
            o.BaseAddress = new Uri("http://api.example.com");
            o.OrganizationId = SdkHarness.Org;
            o.PracticeId = SdkHarness.Practice;
            o.Token = SdkHarness.Token;
        });
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("NexGenClientOptions.BaseAddress must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DI_handlers_added_by_the_caller_run_inside_the_pipeline()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var services = new ServiceCollection();
        var seen = new List<string?>();
        services.AddNexGenClient(o => SdkHarness.Configure(o, _harness.Server.Url!))
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<NexGenClient>().Providers.ListAsync();

        Assert.Equal("Bearer " + SdkHarness.Token, Assert.Single(seen));
    }

    [Fact(Skip = LibraryBuild.SkipUnlessNet)]
    public async Task DI_gives_one_client_and_one_workflow_over_one_handler_chain_in_every_scope()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var services = new ServiceCollection();
        var handlersBuilt = 0;
        services.AddNexGenClient(o => SdkHarness.Configure(o, _harness.Server.Url!))
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref handlersBuilt);
                return new RecordingHandler([]);
            });
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var client = provider.GetRequiredService<NexGenClient>();
        await using (var scope = provider.CreateAsyncScope())
        {
            Assert.Same(client, scope.ServiceProvider.GetRequiredService<NexGenClient>());
            Assert.Same(provider.GetRequiredService<BookingWorkflow>(), scope.ServiceProvider.GetRequiredService<BookingWorkflow>());
            await scope.ServiceProvider.GetRequiredService<NexGenClient>().Providers.ListAsync();
        }

        await client.Providers.ListAsync();

        // The handler chain was built once and still serves the client after the scope is gone.
        Assert.Equal(1, handlersBuilt);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Fact(Skip = LibraryBuild.SkipUnlessNet)]
    public void DI_keeps_its_one_handler_chain_and_recycles_connections_instead()
    {
        var services = new ServiceCollection();
        services.AddNexGenClient(o => SdkHarness.Configure(o, _harness.Server.Url!));
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var provider = services.BuildServiceProvider();
        var name = NexGenServiceCollectionExtensions.HttpClientName;

        // A singleton client never gets a rotated chain, so the factory must not build any ...
        Assert.Equal(Timeout.InfiniteTimeSpan, provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name).HandlerLifetime);

        // ... and the transport recycles its own connections, so DNS changes are still seen.
        var transport = Assert.IsType<SocketsHttpHandler>(Transport(provider));
        Assert.Equal(TimeSpan.FromMinutes(5), transport.PooledConnectionLifetime);
    }

    [Fact(Skip = LibraryBuild.SkipUnlessNetStandard)]
    public async Task DI_on_the_netstandard2_0_build_gives_typed_clients_over_handlers_the_factory_rotates()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        var services = new ServiceCollection();
        services.AddNexGenClient(o => SdkHarness.Configure(o, _harness.Server.Url!));
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var name = NexGenServiceCollectionExtensions.HttpClientName;

        // Without SocketsHttpHandler nothing would recycle a long-lived client's connections, so each
        // resolution is a new typed client (and workflow) ...
        var client = provider.GetRequiredService<NexGenClient>();
        Assert.NotSame(client, provider.GetRequiredService<NexGenClient>());
        Assert.NotSame(provider.GetRequiredService<BookingWorkflow>(), provider.GetRequiredService<BookingWorkflow>());
        await client.Providers.ListAsync();
        AssertConfiguredRequest(_harness.Requests.Single(), expectedSuffix: null);

        // ... over a handler chain the factory rotates at its default lifetime, so DNS changes are seen.
        Assert.Equal(TimeSpan.FromMinutes(2), provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name).HandlerLifetime);
    }

    [Fact]
    public void The_default_transport_recycles_connections_on_the_builds_that_have_SocketsHttpHandler()
    {
        using var transport = NexGenHttpPipeline.CreateTransport();
#if NEXGEN_NETSTANDARD_BUILD
        Assert.IsType<HttpClientHandler>(transport);
#else
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.IsType<SocketsHttpHandler>(transport).PooledConnectionLifetime);
#endif
    }

    private static HttpMessageHandler Transport(IServiceProvider provider)
    {
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(NexGenServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler outer)
        {
            handler = outer.InnerHandler!;
        }

        return handler;
    }

    private static void AssertConfiguredRequest(WireMock.IRequestMessage request, string? expectedSuffix)
    {
        Assert.Equal($"/api/v1/{SdkHarness.Org}/providers", request.AbsolutePath);
        Assert.Equal("Bearer " + SdkHarness.Token, request.Headers!["Authorization"].Single());
        Assert.Equal(SdkHarness.Practice, request.Headers["X-Practice-Id"].Single());
        var userAgent = string.Join(" ", request.Headers["User-Agent"]);
        Assert.Matches(@"^Dentally\.NexGen\.Client/\d+\.\d+\.\d+(-[0-9A-Za-z.]+)? \(\.NET [^)]+\)", userAgent);
        if (expectedSuffix is not null)
        {
            Assert.EndsWith(" " + expectedSuffix, userAgent, StringComparison.Ordinal);
        }
    }

    private sealed class RecordingHandler(List<string?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.Authorization?.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }

    public void Dispose() => _harness.Dispose();
}
