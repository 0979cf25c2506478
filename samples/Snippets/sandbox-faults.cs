using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Xunit;

namespace MyApp.Tests;

public class FaultTests
{
    [Fact]
    public async Task A_503_after_commit_books_once()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
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

        // The next POST /appointments is committed, then answered with a 503: the SDK retries with the
        // same Idempotency-Key and gets the stored 201 — one appointment, not two.
        sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.Status(503).AfterCommit());
        var booked = await client.Appointments.CreateAsync(appointment);
        Assert.Single(sandbox.GetAppointments(), a => a.Uuid == booked.Uuid);
    }
}
