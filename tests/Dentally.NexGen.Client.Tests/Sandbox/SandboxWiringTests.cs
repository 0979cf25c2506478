using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dentally.NexGen.Client.Tests.Sandbox;

/// <summary>The sandbox's random port reaches the DI registration in one call, whichever way an app registers the client.</summary>
public sealed class SandboxWiringTests : IAsyncLifetime
{
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task AddNexGenClient_takes_the_sandbox_as_its_configure_action()
    {
        var services = new ServiceCollection();
        services.AddNexGenClient(_sandbox.ConfigureClient);
        services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        await using var provider = services.BuildServiceProvider();

        var sites = await provider.GetRequiredService<NexGenClient>().Sites.ListAsync();

        Assert.Equal(2, sites.Total);
        Assert.Equal(_sandbox.BaseAddress, provider.GetRequiredService<NexGenClient>().Options.BaseAddress);
    }

    [Fact]
    public async Task A_hosted_app_bound_to_configuration_books_against_the_sandbox_through_its_values()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(_sandbox.ToConfiguration());
        builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
        builder.Services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var host = builder.Build();

        var result = await host.Services.GetRequiredService<BookingWorkflow>().BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
        });

        Assert.Single(_sandbox.GetAppointments(), a => a.Uuid == result.Appointment.Uuid);
    }

    [Fact]
    public async Task A_test_overrides_an_apps_own_configuration_after_the_fact()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NexGen:BaseAddress"] = "https://api.example.invalid",
            ["NexGen:OrganizationId"] = "org_production",
            ["NexGen:PracticeId"] = "prac_production",
            ["NexGen:Token"] = "not-the-sandbox-token",
        });
        builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
        builder.Services.Configure<NexGenClientOptions>(_sandbox.ConfigureClient);
        builder.Services.PostConfigureAll<NexGenClientOptions>(o => o.OnTestClock());
        using var host = builder.Build();

        var providers = await host.Services.GetRequiredService<NexGenClient>().Providers.ListAsync();

        Assert.Equal(2, providers.Total);
        Assert.Single(_sandbox.ReceivedRequests);
    }

    [Fact]
    public void ToConfiguration_names_the_section_it_is_given()
    {
        var values = _sandbox.ToConfiguration("Dentally");

        Assert.Equal(_sandbox.BaseAddress.ToString(), values["Dentally:BaseAddress"]);
        Assert.Equal(_sandbox.Token, values["Dentally:Token"]);
        Assert.Equal(4, values.Count);
    }
}
