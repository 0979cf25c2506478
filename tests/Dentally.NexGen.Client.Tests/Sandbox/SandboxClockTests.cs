#region snippet:sandbox-fake-clock
// Until the packages are published, add the nexgen-local package source first (README.md, "Install").
// dotnet new xunit; dotnet add package Dentally.NexGen.Client.Testing --prerelease; dotnet add package Microsoft.Extensions.TimeProvider.Testing
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MyApp.Tests;

public class IdempotencyWindowTests
{
    [Fact]
    public async Task A_key_replays_for_24_hours_then_runs_again()
    {
        // The sandbox's clock is the test's: a day passes in a millisecond, and nothing waits on real time.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 19, 9, 0, 0, TimeSpan.Zero));
        await using var sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = clock });
        var client = new NexGenClient(sandbox.CreateOptions());
        var appointment = new NewAppointment
        {
            PatientUuid = SandboxSeed.JaneSmith,
            AppointmentTypeUuid = SandboxSeed.NewPatientExam,
            LocationUuid = SandboxSeed.MainStreetDental,
            ProviderUuid = SandboxSeed.MichaelChen,
            ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
            ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        };

        var booked = await client.Appointments.CreateAsync(appointment, idempotencyKey: "booking-8841");
        clock.Advance(TimeSpan.FromHours(23));
        var replayed = await client.Appointments.CreateAsync(appointment, idempotencyKey: "booking-8841");
        Assert.Equal(booked.Uuid, replayed.Uuid);

        // Past the 24-hour window the key is new again: the POST runs, and finds its slot taken.
        clock.Advance(TimeSpan.FromHours(1));
        await Assert.ThrowsAsync<NexGenSlotConflictException>(() => client.Appointments.CreateAsync(appointment, idempotencyKey: "booking-8841"));
        Assert.Single(sandbox.GetAppointments());
    }
}
#endregion
