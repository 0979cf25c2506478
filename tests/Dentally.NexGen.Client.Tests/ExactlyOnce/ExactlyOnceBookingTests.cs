using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>
/// Every way a booking can end in doubt, against the stateful sandbox: running the same request again
/// with the same key leaves exactly one non-cancelled appointment for the patient and returns it,
/// whether the server replays its stored answers or has forgotten them.
/// </summary>
public sealed class ExactlyOnceBookingTests : IAsyncLifetime
{
    private const string Appointments = "/api/v1/{org_id}/appointments";
    private const string Key = "partner-booking-4711";
    private static readonly DateTime TenAm = new(2025, 5, 20, 10, 0, 0);
    private NexGenSandbox _sandbox = null!;

    public static TheoryData<bool> ServerKeepsKeys => [true, false];

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(ServerKeepsKeys))]
    public async Task Every_answer_to_the_first_POST_lost_after_commit_then_a_rerun_returns_the_one_appointment(bool serverKeepsKeys)
    {
        var lost = _sandbox.InjectFault("POST", Appointments, SandboxFault.DropConnection().AfterCommit(), times: int.MaxValue);
        var workflow = new BookingWorkflow(Client());

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => workflow.BookAsync(JaneAtTen(Key)));

        Assert.Equal(Key, doubt.IdempotencyKey);
        Assert.Equal("2025-05-20T10:00:00", doubt.Slot!.ScheduledStart);
        Assert.IsAssignableFrom<NexGenTransportException>(doubt.InnerException);
        Assert.Contains("may exist", doubt.Message, StringComparison.Ordinal);
        Assert.Contains($"IdempotencyKey \"{Key}\" is safe", doubt.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", doubt.Message, StringComparison.Ordinal);
        Assert.True(lost.Applied >= 3, "the SDK's own retries were all lost too");
        Assert.Single(JanesAppointments());

        lost.Cancel();
        Forget(serverKeepsKeys);
        var result = await workflow.BookAsync(JaneAtTen(Key));

        AssertTheOneAppointment(result);
        Assert.Equal("2025-05-20T10:00:00", result.Appointment.ScheduledStart);
        Assert.False(result.Rebooked);
        Assert.Equal(serverKeepsKeys ? BookingAttemptOutcome.Booked : BookingAttemptOutcome.AlreadyBooked, result.Attempts[^1].Outcome);
    }

    [Theory]
    [MemberData(nameof(ServerKeepsKeys))]
    public async Task The_answer_to_the_rebooked_POST_lost_after_a_409_then_a_rerun_returns_the_one_appointment(bool serverKeepsKeys)
    {
        _sandbox.PreBook(SandboxSeed.MichaelChen, TenAm, patientUuid: SandboxSeed.JonathanSmith);
        var lost = _sandbox.InjectFaultWhere(
            r => r.Method == "POST" && r.Path.EndsWith("/appointments", StringComparison.Ordinal) && !r.Body!.Contains("T10:00:00", StringComparison.Ordinal),
            SandboxFault.DropConnection().AfterCommit(), times: int.MaxValue);
        var workflow = new BookingWorkflow(Client());

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => workflow.BookAsync(JaneAtTen(Key)));

        Assert.NotEqual("2025-05-20T10:00:00", doubt.Slot!.ScheduledStart);
        var made = Assert.Single(JanesAppointments());
        Assert.Equal(doubt.Slot.ScheduledStart, made.ScheduledStart);

        lost.Cancel();
        Forget(serverKeepsKeys);
        var result = await workflow.BookAsync(JaneAtTen(Key));

        AssertTheOneAppointment(result);
        Assert.Equal(made.Uuid, result.Appointment.Uuid);
        Assert.True(result.Rebooked);
        Assert.Equal(BookingAttemptOutcome.AlreadyBooked, result.Attempts[^1].Outcome);
    }

    [Fact]
    public async Task The_caller_cancelling_after_the_POST_went_out_then_a_rerun_returns_the_one_appointment()
    {
        // The server holds the POST (its key in use) and commits it after the caller has gone.
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Delay(TimeSpan.FromSeconds(1)));
        var workflow = new BookingWorkflow(Client());
        using var cancellation = new CancellationTokenSource();

        var first = workflow.BookAsync(JaneAtTen(Key), cancellation.Token);
        await WaitUntilAsync(() => _sandbox.ReceivedRequests.Any(r => r.Method == "POST"));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        // At once: the server answers 409 idempotency-key-in-use until the first POST is done, then replays it.
        var result = await workflow.BookAsync(JaneAtTen(Key));

        AssertTheOneAppointment(result);
        Assert.Contains(_sandbox.ReceivedRequests, r => r.Method == "POST" && r.Header("Idempotency-Key") == Key + "/appointment");
    }

    [Fact]
    public async Task Without_a_key_a_cancellation_after_the_POST_is_an_unknown_outcome_that_names_the_key_to_run_again_with()
    {
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Delay(TimeSpan.FromSeconds(1)));
        var workflow = new BookingWorkflow(Client());
        using var cancellation = new CancellationTokenSource();

        var first = workflow.BookAsync(JaneAtTen(key: null), cancellation.Token);
        await WaitUntilAsync(() => _sandbox.ReceivedRequests.Any(r => r.Method == "POST"));
        await cancellation.CancelAsync();

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => first);
        Assert.IsAssignableFrom<OperationCanceledException>(doubt.InnerException);
        Assert.True(Guid.TryParse(doubt.IdempotencyKey, out _));

        var result = await workflow.BookAsync(JaneAtTen(doubt.IdempotencyKey));

        AssertTheOneAppointment(result);
        Assert.Equal(doubt.IdempotencyKey, result.IdempotencyKey);
    }

    [Fact]
    public async Task Without_a_key_a_rerun_after_a_lost_answer_still_finds_the_appointment_the_first_run_made()
    {
        var lost = _sandbox.InjectFault("POST", Appointments, SandboxFault.DropConnection().AfterCommit(), times: int.MaxValue);
        var workflow = new BookingWorkflow(Client());

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => workflow.BookAsync(JaneAtTen(key: null)));
        lost.Cancel();
        var result = await workflow.BookAsync(JaneAtTen(key: null));

        // A new key, so nothing is replayed: the first choice is refused as taken, and the earlier
        // run's appointment is recognised by its content before any replacement is booked.
        Assert.NotEqual(doubt.IdempotencyKey, result.IdempotencyKey);
        AssertTheOneAppointment(result);
        Assert.Equal(BookingAttemptOutcome.AlreadyBooked, result.Attempts[^1].Outcome);
    }

    [Fact]
    public async Task The_same_key_with_a_different_booking_is_refused_and_books_nothing()
    {
        var workflow = new BookingWorkflow(Client());
        var booked = await workflow.BookAsync(JaneAtTen(Key));
        var other = JaneAtTen(Key);
        other.Start = new DateTime(2025, 5, 20, 14, 0, 0);

        var reused = await Assert.ThrowsAsync<BookingKeyReusedException>(() => workflow.BookAsync(other));

        Assert.Equal(Key, reused.IdempotencyKey);
        Assert.Contains("already used for another booking", reused.Message, StringComparison.Ordinal);
        Assert.IsType<NexGenIdempotencyKeyMismatchException>(reused.InnerException);
        Assert.Equal(booked.Appointment.Uuid, Assert.Single(JanesAppointments()).Uuid);
    }

    [Fact]
    public async Task A_patient_created_by_a_run_whose_answer_was_lost_is_created_once()
    {
        var lost = _sandbox.InjectFault("POST", "/api/v1/{org_id}/patients", SandboxFault.DropConnection().AfterCommit(), times: int.MaxValue);
        var workflow = new BookingWorkflow(Client());
        var request = NewPatientAtTen();

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => workflow.BookAsync(request));
        Assert.Null(doubt.Slot);
        Assert.Contains("the patient may have been created", doubt.Message, StringComparison.Ordinal);
        lost.Cancel();
        var result = await workflow.BookAsync(NewPatientAtTen());

        var patient = Assert.Single(_sandbox.GetPatients(), p => p.LastName == "Okafor");
        Assert.Equal(patient.Uuid, result.Appointment.Patient.Uuid);
        Assert.Single(_sandbox.GetAppointments());
    }

    private static BookingRequest JaneAtTen(string? key) => new()
    {
        PatientQuery = "Jane Smith",
        AppointmentTypeCode = "NPE",
        LocationUuid = SandboxSeed.MainStreetDental,
        Start = TenAm,
        Notes = "New patient — first visit",
        IdempotencyKey = key,
    };

    private static BookingRequest NewPatientAtTen() => new()
    {
        PatientQuery = "Ada Okafor",
        CreatePatientIfMissing = new PatientCreate { FirstName = "Ada", LastName = "Okafor", DateOfBirth = new DateTime(1990, 2, 3), PreferredProviderUuid = SandboxSeed.MichaelChen },
        AppointmentTypeCode = "NPE",
        LocationUuid = SandboxSeed.MainStreetDental,
        Start = TenAm,
        IdempotencyKey = Key,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 10_000, "timed out waiting");
            await Task.Delay(10);
        }
    }

    // Retries that wait little: a lost answer exhausts them quickly, and a held POST's "in use" is
    // retried long enough (10 x 200 ms) to outlast the one-second hold.
    private NexGenClient Client()
    {
        var options = _sandbox.CreateOptions();
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.IdempotencyKeyInUseDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxRetries = 10;
        return new NexGenClient(options);
    }

    private void Forget(bool serverKeepsKeys)
    {
        if (!serverKeepsKeys)
        {
            _sandbox.ForgetIdempotencyKeys();
        }
    }

    private List<Appointment> JanesAppointments()
        => _sandbox.GetAppointments().Where(a => a.Patient.Uuid == SandboxSeed.JaneSmith && a.Status != AppointmentStatuses.Cancelled).ToList();

    private void AssertTheOneAppointment(BookingResult result)
        => Assert.Equal(result.Appointment.Uuid, Assert.Single(JanesAppointments()).Uuid);
}
