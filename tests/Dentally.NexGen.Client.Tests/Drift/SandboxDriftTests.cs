using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>The SDK's own sandbox keeps to the contract: a client over it reports no drift, so integrators' tests stay quiet.</summary>
public sealed class SandboxDriftTests
{
    [Fact]
    public async Task Every_read_and_a_booking_against_the_sandbox_report_no_drift()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 19, 9, 0, 0, TimeSpan.Zero));
        await using var sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = clock });
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var options = sandbox.CreateOptions();
        options.TimeProvider = clock;
        var client = new NexGenClient(options, transport: null, loggerFactory);

        await client.Sites.ListAsync();
        await client.Sites.GetAsync(SandboxSeed.MainStreetDental);
        await client.Patients.SearchAsync("smith");
        await client.Patients.GetAsync(SandboxSeed.JaneSmith);
        await client.Providers.ListAsync();
        await client.AppointmentTypes.ListAsync();
        await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, new DateTime(2025, 5, 20, 8, 0, 0), new DateTime(2025, 5, 20, 18, 0, 0));
        var booked = await client.Appointments.CreateAsync(Bodies.GuideAppointment());
        await client.Appointments.GetAsync(booked.Uuid);
        await client.Appointments.ListAsync();
        await client.Appointments.ChangeStatusAsync(booked.Uuid, StatusChangeTarget.Confirmed);

        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Name == "NexGenContractDrift");
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Name == "NexGenRequestCompleted");
    }
}
