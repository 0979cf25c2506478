using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>Named clients as keyed services, each from its own configuration section, and one partner registration for any tenant.</summary>
public sealed class NamedClientTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    public NamedClientTests()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
    }

    [Fact]
    public async Task Two_named_clients_bound_from_their_own_sections_resolve_validate_and_call_their_own_tenant()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NexGen:North:BaseAddress"] = _harness.Server.Url,
            ["NexGen:North:OrganizationId"] = "org_north",
            ["NexGen:North:PracticeId"] = "practice_n1",
            ["NexGen:North:Token"] = "tok_north",
            ["NexGen:South:BaseAddress"] = _harness.Server.Url,
            ["NexGen:South:OrganizationId"] = "org_south",
            ["NexGen:South:PracticeId"] = "practice_s1",
            ["NexGen:South:Token"] = "tok_south",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddNexGenClient("north", configuration.GetSection("NexGen:North"));
        builder.Services.AddNexGenClient("south", configuration.GetSection("NexGen:South"));
        builder.Services.AddSingleton<TwoClinics>();
        builder.Services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var host = builder.Build();
        await host.StartAsync();

        var clinics = host.Services.GetRequiredService<TwoClinics>();
        await clinics.North.Providers.ListAsync();
        await clinics.South.Providers.ListAsync();

        Assert.Equal(
            new[] { ("/api/v1/org_north/providers", "practice_n1", "Bearer tok_north"), ("/api/v1/org_south/providers", "practice_s1", "Bearer tok_south") },
            _harness.Requests.Select(r => (r.Path, r.Headers!["X-Practice-Id"].Single(), r.Headers["Authorization"].Single())));
#if !NEXGEN_NETSTANDARD_BUILD
        // Singletons on .NET 8 and later; the netstandard2.0 build resolves a new one each time, as a typed client.
        Assert.Same(clinics.North, host.Services.GetRequiredKeyedService<NexGenClient>("north"));
        Assert.Same(clinics.SouthBookings, host.Services.GetRequiredKeyedService<BookingWorkflow>("south"));
#endif
        Assert.NotSame(clinics.SouthBookings, host.Services.GetRequiredKeyedService<BookingWorkflow>("north"));
        Assert.Null(host.Services.GetService<NexGenClient>());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_named_client_with_invalid_options_stops_start_up_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddNexGenClient("north", o => SdkHarness.Configure(o, _harness.Server.Url!));
        builder.Services.AddNexGenClient("south", o =>
        {
            SdkHarness.Configure(o, _harness.Server.Url!);
            o.BaseAddress = new Uri("http://api.example.com");
        });
        builder.Services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("south", error.OptionsName);
        Assert.StartsWith("NexGen client 'south': NexGenClientOptions.BaseAddress must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_name_twice_adds_its_pipeline_once()
    {
        _harness.Server.Reset();
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(503, "server-error", "Unavailable"));
        var services = new ServiceCollection();
        for (var i = 0; i < 2; i++)
        {
            services.AddNexGenClient("north", o => SdkHarness.Configure(o, _harness.Server.Url!));
        }

        services.AddNexGenClient(o => SdkHarness.Configure(o, _harness.Server.Url!));
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<NexGenServerException>(() => provider.GetRequiredKeyedService<NexGenClient>("north").Providers.ListAsync());

        // One call with three retries is four requests; a doubled pipeline would make sixteen.
        Assert.Equal(1 + SdkHarness.NewOptions("http://x").Retry.MaxRetries, _harness.Requests.Count);
    }

    [Fact]
    public async Task One_registration_of_partner_credentials_serves_any_tenant_at_run_time()
    {
        var services = new ServiceCollection();
        services.AddNexGenClient(o =>
        {
            o.BaseAddress = new Uri(_harness.Server.Url!);
            o.TokenProvider = NexGenTokenProviders.FromDelegate((request, _) => new ValueTask<string>("tok_for_" + request.OrganizationId));
        });
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        // The tenant comes from the partner's own database, call by call.
        foreach (var (organization, practice) in new[] { ("org_1", "practice_1"), ("org_2", "practice_7") })
        {
            await provider.GetRequiredService<NexGenClient>().ForPractice(organization, practice).Providers.ListAsync();

            // The registered workflow books there too: its first request, the type lookup, goes to the tenant
            // (and, the stub listing no types, the booking stops there).
            await Assert.ThrowsAsync<AppointmentTypeUnavailableException>(() => provider.GetRequiredService<BookingWorkflow>().ForPractice(organization, practice)
                .BookAsync(new BookingRequest { PatientUuid = Guid.NewGuid(), ProviderUuid = Guid.NewGuid(), AppointmentTypeCode = "NPE", LocationUuid = Guid.NewGuid(), Start = new DateTime(2026, 3, 10, 9, 0, 0) }));
        }

        Assert.Equal(
            new[]
            {
                ("/api/v1/org_1/providers", "practice_1", "Bearer tok_for_org_1"),
                ("/api/v1/org_1/appointment-types", "practice_1", "Bearer tok_for_org_1"),
                ("/api/v1/org_2/providers", "practice_7", "Bearer tok_for_org_2"),
                ("/api/v1/org_2/appointment-types", "practice_7", "Bearer tok_for_org_2"),
            },
            _harness.Requests.Select(r => (r.Path, r.Headers!["X-Practice-Id"].Single(), r.Headers["Authorization"].Single())));
    }

    [Fact]
    public async Task A_clients_own_token_wins_over_a_token_provider_from_DI_which_serves_only_clients_without_one()
    {
        var services = new ServiceCollection();
        services.AddSingleton(NexGenTokenProviders.Static("tok_app_wide"));
        services.AddKeyedSingleton("keyed", NexGenTokenProviders.Static("tok_keyed"));
        services.AddNexGenClient("own", o => SdkHarness.Configure(o, _harness.Server.Url!));
        services.AddNexGenClient("keyed", o =>
        {
            SdkHarness.Configure(o, _harness.Server.Url!);
            o.Token = null;
        });
        services.AddNexGenClient("unkeyed", o =>
        {
            SdkHarness.Configure(o, _harness.Server.Url!);
            o.Token = null;
        });
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        foreach (var name in new[] { "own", "keyed", "unkeyed" })
        {
            await provider.GetRequiredKeyedService<NexGenClient>(name).Providers.ListAsync();
        }

        Assert.Equal(new[] { "Bearer " + SdkHarness.Token, "Bearer tok_keyed", "Bearer tok_app_wide" }, _harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task Each_named_client_keeps_its_practices_types_for_its_own_cache_duration_not_the_first_registered_clients()
    {
        _harness.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/" + SdkHarness.Org + "/appointment-types")).AtPriority(1)
            .RespondWith(SdkHarness.Json(200, Workflow.WorkflowStub.TypesJson()));
        var clock = new TestClock();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddNexGenClient("north", o => Named(o, "practice_n1", TimeSpan.FromMinutes(10), clock));
        builder.Services.AddNexGenClient("south", o => Named(o, "practice_s1", TimeSpan.FromMinutes(1), clock));
        using var host = builder.Build();
        var cache = host.Services.GetRequiredService<AppointmentTypeCache>();
        var north = host.Services.GetRequiredKeyedService<NexGenClient>("north");
        var south = host.Services.GetRequiredKeyedService<NexGenClient>("south");

        await cache.GetAsync(north);
        await cache.GetAsync(south);
        clock.Advance(TimeSpan.FromMinutes(2));
        var northAgain = await cache.GetAsync(north);
        var southAgain = await cache.GetAsync(south);

        Assert.True(northAgain.FromCache); // within north's 10 minutes
        Assert.False(southAgain.FromCache); // south's 1 minute has passed: before, kept for north's 10
        Assert.Equal(new[] { "practice_n1", "practice_s1", "practice_s1" }, _harness.Requests.Select(r => r.Headers!["X-Practice-Id"].Single()));
    }

    private void Named(NexGenClientOptions options, string practice, TimeSpan typesKept, TestClock clock)
    {
        SdkHarness.Configure(options, _harness.Server.Url!);
        options.PracticeId = practice;
        options.AppointmentTypeCacheDuration = typesKept;
        options.TimeProvider = clock;
    }

    public void Dispose() => _harness.Dispose();


    private sealed class TwoClinics(
        [FromKeyedServices("north")] NexGenClient north,
        [FromKeyedServices("south")] NexGenClient south,
        [FromKeyedServices("south")] BookingWorkflow southBookings)
    {
        public NexGenClient North { get; } = north;

        public NexGenClient South { get; } = south;

        public BookingWorkflow SouthBookings { get; } = southBookings;
    }
}
