using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

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
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(1);

    // The client and the sandbox share one fake clock. Retry delays (500 ms at most) pass as soon as
    // they start and move it on; a held POST (one second) is answered once they have moved it that far.
    private readonly TestClock _clock = new() { AutoAdvanceUpTo = TimeSpan.FromMilliseconds(500) };
    private NexGenSandbox _sandbox = null!;

    public static TheoryData<bool> ServerKeepsKeys => [true, false];

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(ServerKeepsKeys))]
    public async Task Every_answer_to_the_first_POST_lost_after_commit_then_a_rerun_returns_the_one_appointment(bool serverKeepsKeys)
    {
        var lost = _sandbox.InjectFault("POST", Appointments, SandboxFault.DropConnection().AfterCommit(), times: int.MaxValue);
        var workflow = new BookingWorkflow(Client());

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => workflow.BookAsync(JaneAtTen(Key)));

        Assert.Equal(Key, doubt.IdempotencyKey);
        Assert.Equal(new DateTime(2025, 5, 20, 10, 0, 0), doubt.Slot!.ScheduledStart);
        Assert.IsAssignableFrom<NexGenTransportException>(doubt.InnerException);
        Assert.Contains("may exist", doubt.Message, StringComparison.Ordinal);
        Assert.Contains($"IdempotencyKey \"{Key}\" is safe", doubt.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", doubt.Message, StringComparison.Ordinal);
        Assert.True(lost.Applied >= 3, "the SDK's own retries were all lost too");
        Assert.Single(JanesAppointments());

        lost.Cancel();
        Forget(serverKeepsKeys);
        var result = await workflow.BookAsync(JaneAtTen(Key));

        // The server replays its stored 201; without it, the first choice is taken by the earlier
        // run's appointment, which the workflow recognises before booking any replacement.
        AssertTheOneAppointment(result);
        Assert.Equal(new DateTime(2025, 5, 20, 10, 0, 0), result.Appointment.ScheduledStart);
        Assert.False(result.Rebooked);
        Assert.Equal(!serverKeepsKeys, result.AlreadyBooked);
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

        Assert.NotEqual(new DateTime(2025, 5, 20, 10, 0, 0), doubt.Slot!.ScheduledStart);
        var made = Assert.Single(JanesAppointments());
        Assert.Equal(doubt.Slot.ScheduledStart, made.ScheduledStart);

        lost.Cancel();
        Forget(serverKeepsKeys);
        var result = await workflow.BookAsync(JaneAtTen(Key));

        AssertTheOneAppointment(result);
        Assert.Equal(made.Uuid, result.Appointment.Uuid);
        Assert.True(result.Rebooked);
        Assert.True(result.AlreadyBooked);
    }

    [Fact]
    public async Task The_caller_cancelling_after_the_POST_went_out_then_a_rerun_returns_the_one_appointment()
    {
        // The server holds the POST (its key in use) and commits it after the caller has gone.
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Delay(Hold));
        var workflow = new BookingWorkflow(Client(patientRetries: true));
        using var cancellation = new CancellationTokenSource();

        var first = workflow.BookAsync(JaneAtTen(Key), cancellation.Token);
        await Waiting.UntilAsync(() => _clock.IsArmed(Hold), "the sandbox to hold the POST");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        // At once: the server answers 409 idempotency-key-in-use until the first POST is done, then replays it.
        var result = await workflow.BookAsync(JaneAtTen(Key));

        AssertTheOneAppointment(result);
        Assert.False(result.AlreadyBooked);

        // The first POST, the rerun's POST answered 409 in use at least once, and its replay: all one key.
        var keys = _sandbox.ReceivedRequests.Where(r => r.Method == "POST").Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.True(keys.Count >= 3, $"{keys.Count} POSTs");
        Assert.All(keys, k => Assert.Equal(Key + "/appointment", k));
    }

    [Fact]
    public async Task Without_a_key_a_cancellation_after_the_POST_is_an_unknown_outcome_that_names_the_key_to_run_again_with()
    {
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Delay(Hold));
        var workflow = new BookingWorkflow(Client(patientRetries: true));
        using var cancellation = new CancellationTokenSource();

        var first = workflow.BookAsync(JaneAtTen(key: null), cancellation.Token);
        await Waiting.UntilAsync(() => _clock.IsArmed(Hold), "the sandbox to hold the POST");
        await cancellation.CancelAsync();

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => first);
        Assert.IsAssignableFrom<OperationCanceledException>(doubt.InnerException);
        Assert.True(Guid.TryParse(doubt.IdempotencyKey, out _));

        var result = await workflow.BookAsync(JaneAtTen(doubt.IdempotencyKey));

        AssertTheOneAppointment(result);
        Assert.Equal(doubt.IdempotencyKey, result.IdempotencyKey);
    }

    [Fact]
    public async Task Without_a_key_a_lost_answer_names_the_key_the_workflow_made_and_a_rerun_with_it_returns_the_appointment()
    {
        var lost = _sandbox.InjectFault("POST", Appointments, SandboxFault.DropConnection().AfterCommit(), times: int.MaxValue);
        var workflow = new BookingWorkflow(Client());

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => workflow.BookAsync(JaneAtTen(key: null)));
        lost.Cancel();
        var result = await workflow.BookAsync(JaneAtTen(doubt.IdempotencyKey));

        Assert.True(Guid.TryParse(doubt.IdempotencyKey, out _));
        AssertTheOneAppointment(result);
        Assert.Equal(doubt.IdempotencyKey, result.IdempotencyKey);
    }

    [Theory]
    [MemberData(nameof(ServerKeepsKeys))]
    public async Task A_booking_run_again_after_it_succeeded_returns_the_same_appointment(bool serverKeepsKeys)
    {
        var workflow = new BookingWorkflow(Client());
        var first = await workflow.BookAsync(JaneAtTen(Key));
        Forget(serverKeepsKeys);

        var again = await workflow.BookAsync(JaneAtTen(Key));

        Assert.Equal(first.Appointment.Uuid, again.Appointment.Uuid);
        Assert.False(first.AlreadyBooked);
        Assert.Equal(!serverKeepsKeys, again.AlreadyBooked);
        AssertTheOneAppointment(again);
    }

    [Fact]
    public async Task Without_a_key_no_earlier_booking_is_looked_for_so_a_patients_other_appointments_never_stand_in_for_a_new_one()
    {
        var workflow = new BookingWorkflow(Client());
        await workflow.BookAsync(JaneAtTen(key: null));

        var second = await workflow.BookAsync(JaneAtTen(key: null));

        Assert.False(second.AlreadyBooked);
        Assert.True(second.Rebooked);
        Assert.Equal(2, JanesAppointments().Count);
        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
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

    // Retries that wait little, so that a lost answer exhausts them in about a second of the clock; with
    // patientRetries a held POST's "in use" is retried for five times the one-second hold (10 x 500 ms).
    private NexGenClient Client(bool patientRetries = false)
    {
        var options = _sandbox.CreateOptions();
        options.TimeProvider = _clock;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(patientRetries ? 500 : 200);
        options.Retry.IdempotencyKeyInUseDelay = options.Retry.MaxDelay;
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
