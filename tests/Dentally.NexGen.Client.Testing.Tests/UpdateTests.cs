using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>PATCH an appointment: notes, moving (both times, conflict-checked against everything but itself).</summary>
[Trait("Category", "TimeZone")]
public sealed class UpdateTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Moving_by_an_hour_with_notes_gives_the_spec_example()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());

        var moved = await client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { ScheduledStart = Bodies.At(11), ScheduledEnd = Bodies.At(12), Notes = "Moved at the patient's request" });

        Assert.Equal((new DateTime(2025, 5, 20, 11, 0, 0), new DateTime(2025, 5, 20, 12, 0, 0), "Moved at the patient's request"), (moved.ScheduledStart, moved.ScheduledEnd, moved.Notes));
        Assert.Equal("scheduled", moved.Status);
        Assert.NotNull(moved.UpdatedAt);
        var starts = (await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, Bodies.At(8), Bodies.At(18), SandboxSeed.MichaelChen)).Items.Select(s => s.ScheduledStart).ToList();
        Assert.Contains(new DateTime(2025, 5, 20, 10, 0, 0), starts);
        Assert.DoesNotContain(new DateTime(2025, 5, 20, 11, 0, 0), starts);
    }

    [Fact]
    public async Task Notes_change_alone_and_an_empty_string_clears_them()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());

        var noted = await client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { Notes = "Bring X-rays" });
        var cleared = await client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { Notes = string.Empty });

        Assert.Equal(("Bring X-rays", booked.ScheduledStart), (noted.Notes, noted.ScheduledStart));
        Assert.Null(cleared.Notes);
    }

    [Fact]
    public async Task Moving_over_its_own_old_window_is_allowed()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());

        var moved = await client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { ScheduledStart = Bodies.At(10, 30), ScheduledEnd = Bodies.At(11, 30) });

        Assert.Equal(new DateTime(2025, 5, 20, 10, 30, 0), moved.ScheduledStart);
    }

    [Fact]
    public async Task Moving_onto_another_booking_is_a_409_with_suggestions()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());
        _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(14), Bodies.At(15));

        var error = await Assert.ThrowsAsync<NexGenSlotConflictException>(() =>
            client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { ScheduledStart = Bodies.At(14, 30), ScheduledEnd = Bodies.At(15, 30) }));

        Assert.Equal((new DateTime(2025, 5, 20, 14, 0, 0), new DateTime(2025, 5, 20, 15, 0, 0)), (error.Conflict!.ScheduledStart, error.Conflict.ScheduledEnd));
        Assert.Equal(new DateTime(2025, 5, 20, 15, 0, 0), error.SuggestedSlots[0].ScheduledStart);
        Assert.Equal(new DateTime(2025, 5, 20, 10, 0, 0), (await client.Appointments.GetAsync(booked.Uuid)).ScheduledStart);
    }

    [Theory]
    [InlineData("""{"scheduled_start":"2025-05-20T12:00:00"}""", "scheduled_end", "is required to move the appointment: send scheduled_start and scheduled_end together")]
    [InlineData("""{}""", "body", "must change at least one of notes, scheduled_start and scheduled_end")]
    [InlineData("""{"scheduled_start":"2025-05-20T12:00:00-07:00","scheduled_end":"2025-05-20T13:00:00"}""", "scheduled_start", "must be a practice-local time without an offset or Z, e.g. 2025-05-20T10:00:00")]
    [InlineData("""{"scheduled_start":"2025-05-20T12:00:00","scheduled_end":"2025-05-20T12:00:00"}""", "scheduled_end", "must be after scheduled_start")]
    public async Task Invalid_changes_are_a_422(string body, string field, string message)
    {
        var booked = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10));
        using var http = _sandbox.CreateHttpClient();

        var problem = await Raw.ProblemAsync(await Raw.PatchAsync(http, $"{Raw.Org(_sandbox)}/appointments/{booked.Uuid}", body), 422, "validation-error");

        Assert.Equal([message], Raw.Errors(problem, field));
    }

    [Fact]
    public async Task A_cancelled_appointment_cannot_be_moved_but_its_notes_can_change()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());
        await client.Appointments.CancelAsync(booked.Uuid);

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() =>
            client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { ScheduledStart = Bodies.At(12), ScheduledEnd = Bodies.At(13) }));
        var noted = await client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { Notes = "Rebook in June" });

        Assert.Equal(["an appointment in status cancelled cannot be moved"], error.Errors["scheduled_start"]);
        Assert.Equal("Rebook in June", noted.Notes);
    }

    [Fact]
    public async Task An_unknown_appointment_is_a_404()
    {
        var client = Sandboxes.Client(_sandbox);

        await Assert.ThrowsAsync<NexGenNotFoundException>(() => client.Appointments.UpdateAsync(Guid.NewGuid(), new AppointmentChanges { Notes = "x" }));
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
