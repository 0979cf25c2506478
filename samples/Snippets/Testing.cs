using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Dentally.NexGen.Samples.Snippets;

internal static class Testing
{
    public static async Task SandboxInATest()
    {
        #region snippet:sandbox-test
        await using var sandbox = await NexGenSandbox.StartAsync();
        var client = new NexGenClient(sandbox.CreateOptions());
        sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 10, 0, 0));

        var result = await new BookingWorkflow(client).BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
        });

        Assert.True(result.Rebooked);
        Assert.Equal("scheduled", result.Appointment.Status);
        #endregion
    }

    public static async Task Faults(NexGenSandbox sandbox, NexGenClient client, NewAppointment appointment)
    {
        #region snippet:sandbox-faults
        // The next POST /appointments is committed, then answered with a 503: the SDK retries with the
        // same Idempotency-Key and gets the stored 201 — one appointment, not two.
        sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.Status(503).AfterCommit());
        var booked = await client.Appointments.CreateAsync(appointment);
        Assert.Single(sandbox.GetAppointments(), a => a.Uuid == booked.Uuid);
        #endregion
    }

    public static async Task HostedApp()
    {
        #region snippet:sandbox-hosted-app
        await using var sandbox = await NexGenSandbox.StartAsync();

        // The app's own start-up, unchanged: it binds the "NexGen" section.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(sandbox.ToConfiguration()); // the sandbox's port, org, practice and token
        builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
        using var host = builder.Build();

        var sites = await host.Services.GetRequiredService<NexGenClient>().Sites.ListAsync();
        Assert.Equal(2, sites.Total);
        #endregion
    }

    public static void WithoutConfiguration(IServiceCollection services, NexGenSandbox sandbox)
    {
        #region snippet:sandbox-di
        services.AddNexGenClient(sandbox.ConfigureClient);                 // a new registration, or
        services.Configure<NexGenClientOptions>(sandbox.ConfigureClient);  // over the app's own
        #endregion
    }
}
