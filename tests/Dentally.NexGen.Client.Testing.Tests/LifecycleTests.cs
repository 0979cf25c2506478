using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>The status lifecycle: scheduled → confirmed → arrived → completed, cancelling, and 409 invalid-status-transition.</summary>
public sealed class LifecycleTests : IAsyncDisposable
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 5, 10, 14, 32, 0, TimeSpan.Zero));
    private readonly NexGenSandbox _sandbox;

    public LifecycleTests() => _sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { TimeProvider = _clock });

    [Fact]
    public async Task An_appointment_moves_forward_to_completed()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());
        _clock.Now = new DateTimeOffset(2025, 5, 19, 8, 12, 0, TimeSpan.Zero);

        var confirmed = await client.Appointments.ChangeStatusAsync(booked.Uuid, StatusChangeTarget.Confirmed);
        var arrived = await client.Appointments.ChangeStatusAsync(booked.Uuid, StatusChangeTarget.Arrived);
        var completed = await client.Appointments.ChangeStatusAsync(booked.Uuid, StatusChangeTarget.Completed);

        Assert.Equal(["confirmed", "arrived", "completed"], new[] { confirmed.Status, arrived.Status, completed.Status });
        Assert.Equal(new DateTimeOffset(2025, 5, 19, 8, 12, 0, TimeSpan.Zero), confirmed.UpdatedAt);
        Assert.Equal(booked.CreatedAt, completed.CreatedAt);
    }

    [Fact]
    public async Task Completing_a_scheduled_appointment_is_the_spec_example_409()
    {
        var booked = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10));
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, $"{Raw.Org(_sandbox)}/appointments/{booked.Uuid}/status", """{"status":"completed"}""");

        var problem = await Raw.ProblemAsync(response, 409, "invalid-status-transition");
        Assert.Equal("An appointment in status scheduled cannot move to completed.", (string?)problem["detail"]);
        Assert.Equal("scheduled", (string?)problem["current_status"]);
        Assert.Equal(["confirmed", "cancelled"], problem["allowed_transitions"]!.Values<string>());
    }

    [Fact]
    public async Task Final_statuses_allow_nothing_and_the_SDK_gets_a_typed_error()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());
        await client.Appointments.CancelAsync(booked.Uuid, "Patient called to cancel");

        var again = await Assert.ThrowsAsync<NexGenInvalidStatusTransitionException>(() => client.Appointments.CancelAsync(booked.Uuid));
        var confirm = await Assert.ThrowsAsync<NexGenInvalidStatusTransitionException>(() => client.Appointments.ChangeStatusAsync(booked.Uuid, StatusChangeTarget.Confirmed));

        Assert.Equal(("cancelled", 0), (again.CurrentStatus, again.AllowedTransitions.Count));
        Assert.Equal("cancelled", confirm.CurrentStatus);
    }

    [Fact]
    public async Task Scheduled_and_confirmed_appointments_can_be_cancelled_but_arrived_ones_cannot()
    {
        var client = Sandboxes.Client(_sandbox);
        var scheduled = await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(9)));
        var confirmed = await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(11)));
        var arrived = await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(14)));
        await client.Appointments.ChangeStatusAsync(confirmed.Uuid, StatusChangeTarget.Confirmed);
        await client.Appointments.ChangeStatusAsync(arrived.Uuid, StatusChangeTarget.Confirmed);
        await client.Appointments.ChangeStatusAsync(arrived.Uuid, StatusChangeTarget.Arrived);

        Assert.Equal("cancelled", (await client.Appointments.CancelAsync(scheduled.Uuid)).Status);
        Assert.Equal("cancelled", (await client.Appointments.CancelAsync(confirmed.Uuid, "Ill")).Status);
        var error = await Assert.ThrowsAsync<NexGenInvalidStatusTransitionException>(() => client.Appointments.CancelAsync(arrived.Uuid));
        Assert.Equal(["completed"], error.AllowedTransitions);
    }

    [Theory]
    [InlineData("""{"status":"cancelled"}""", "must be one of confirmed, arrived, completed")]
    [InlineData("""{"status":"no_show"}""", "must be one of confirmed, arrived, completed")]
    [InlineData("""{}""", "is required")]
    [InlineData("""{"status":3}""", "must be a string")]
    public async Task A_status_that_is_not_a_target_is_a_422(string body, string message)
    {
        var booked = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10));
        using var http = _sandbox.CreateHttpClient();

        var problem = await Raw.ProblemAsync(await Raw.PostAsync(http, $"{Raw.Org(_sandbox)}/appointments/{booked.Uuid}/status", body), 422, "validation-error");

        Assert.Equal([message], Raw.Errors(problem, "status"));
    }

    [Fact]
    public async Task Cancel_accepts_an_empty_body_and_rejects_an_overlong_reason_with_a_400()
    {
        var first = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10));
        var second = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(12));
        using var http = _sandbox.CreateHttpClient();

        var empty = await Raw.SendAsync(http, HttpMethod.Post, $"{Raw.Org(_sandbox)}/appointments/{first.Uuid}/cancel", json: null);
        var tooLong = await Raw.PostAsync(http, $"{Raw.Org(_sandbox)}/appointments/{second.Uuid}/cancel", $$"""{"reason":"{{new string('r', 501)}}"}""");

        Assert.Equal("cancelled", (string?)(await Raw.JsonAsync(empty))["status"]);
        await Raw.ProblemAsync(tooLong, 400, "malformed-request");
    }

    [Fact]
    public async Task Unknown_appointments_are_a_404_for_status_and_cancel()
    {
        var client = Sandboxes.Client(_sandbox);

        await Assert.ThrowsAsync<NexGenNotFoundException>(() => client.Appointments.ChangeStatusAsync(Guid.NewGuid(), StatusChangeTarget.Confirmed));
        await Assert.ThrowsAsync<NexGenNotFoundException>(() => client.Appointments.CancelAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_status_the_contract_may_add_later_is_passed_through_and_is_final()
    {
        var booked = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10));
        _sandbox.SetAppointmentStatus(booked.Uuid, "no_show");
        var client = Sandboxes.Client(_sandbox);

        var fetched = await client.Appointments.GetAsync(booked.Uuid);
        var error = await Assert.ThrowsAsync<NexGenInvalidStatusTransitionException>(() => client.Appointments.ChangeStatusAsync(booked.Uuid, StatusChangeTarget.Arrived));

        Assert.Equal("no_show", fetched.Status);
        Assert.Empty(error.AllowedTransitions);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
