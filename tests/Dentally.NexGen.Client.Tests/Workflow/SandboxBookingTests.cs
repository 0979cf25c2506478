using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>The workflow against the stateful sandbox: concurrency, lost responses, the guide's data.</summary>
public sealed class SandboxBookingTests : IAsyncLifetime
{
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync()
        // An hour-long grid makes the free slots easy to count: Main Street Dental is open
        // 08:30–12:30 and 13:30–17:30 on weekdays, so 8 one-hour New Patient Exams fit in a day.
        => _sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { SlotInterval = TimeSpan.FromHours(1) });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [InlineData(20, 5)]
    public async Task Parallel_bookings_fill_the_free_slots_exactly_once(int bookings, int freeSlots)
        => await ParallelBooking.RunAndCheck(_sandbox, bookings, freeSlots, days: 1);

    [Fact]
    public async Task A_response_lost_after_the_server_committed_yields_the_one_appointment()
    {
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());
        var fault = _sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.DropConnection().AfterCommit());

        var result = await new BookingWorkflow(client).BookAsync(new BookingRequest
        {
            PatientUuid = SandboxSeed.JaneSmith,
            ProviderUuid = SandboxSeed.MichaelChen,
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
        });

        Assert.Equal(1, fault.Applied);
        var posts = _sandbox.ReceivedRequests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Header("Idempotency-Key"), posts[1].Header("Idempotency-Key"));
        Assert.Single(_sandbox.GetAppointments());
        Assert.Equal(result.Appointment.Uuid, _sandbox.GetAppointments().Single().Uuid);
        Assert.False(result.Rebooked);
    }

    [Fact]
    public async Task The_guide_walkthrough_books_Jane_with_her_preferred_provider()
    {
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());

        var result = await new BookingWorkflow(client).BookAsync(new BookingRequest
        {
            PatientQuery = "Jane",
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
            Notes = "New patient — first visit",
        });

        Assert.Equal(AppointmentStatuses.Scheduled, result.Appointment.Status);
        Assert.Equal(new DateTime(2025, 5, 20, 10, 0, 0), result.Appointment.ScheduledStart);
        Assert.Equal(new DateTime(2025, 5, 20, 11, 0, 0), result.Appointment.ScheduledEnd);
        Assert.Equal(SandboxSeed.MichaelChen, result.Appointment.Provider.Uuid);
        Assert.Equal("Main Street Dental", result.Appointment.Location.Name);
        Assert.Equal(3, result.HttpRequestCount);
    }
}
