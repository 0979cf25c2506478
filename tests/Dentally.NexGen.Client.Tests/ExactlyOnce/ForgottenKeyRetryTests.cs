using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>
/// A POST commits, its answer is lost, and the server forgets its key store before the SDK's own retry
/// of that POST: the retry meets the booking's own appointment as a 409 <c>slot-conflict</c>. The
/// workflow settles it — one appointment, reported as booked — for the first choice and for a
/// rebooking, with the caller's key and with the workflow's own.
/// </summary>
public sealed class ForgottenKeyRetryTests : IAsyncLifetime
{
    private const string Appointments = "/api/v1/{org_id}/appointments";
    private static readonly DateTime TenAm = new(2025, 5, 20, 10, 0, 0);
    private NexGenSandbox _sandbox = null!;

    public static TheoryData<string?> Keys => ["partner-booking-9001", null];

    public static TheoryData<string?, int> KeysAndRebookAttempts => new()
    {
        { "partner-booking-9001", 1 },
        { "partner-booking-9001", 3 },
        { null, 1 },
        { null, 3 },
    };

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task The_first_choice_committed_then_retried_after_the_server_forgot_its_key_is_the_one_appointment(string? key)
    {
        var lost = LoseTheAnswerOnce(start: "2025-05-20T10:00:00");
        var workflow = new BookingWorkflow(Client());

        var result = await workflow.BookAsync(JaneAtTen(key));

        Assert.Equal(1, lost.Applied);
        var only = Assert.Single(JanesAppointments());
        Assert.Equal(only.Uuid, result.Appointment.Uuid);
        Assert.Equal(TenAm, only.ScheduledStart);
        Assert.False(result.Rebooked);
        Assert.False(result.AlreadyBooked, "this call booked it: no earlier run did");
        Assert.Equal(BookingAttemptOutcome.Booked, Assert.Single(result.Attempts).Outcome);
    }

    [Theory]
    [MemberData(nameof(KeysAndRebookAttempts))]
    public async Task A_rebooking_committed_then_retried_after_the_server_forgot_its_key_is_the_one_appointment(string? key, int maxRebookAttempts)
    {
        // Ten is taken by someone else; the rebooking POST (to the next free slot) is the one whose answer is lost.
        _sandbox.PreBook(SandboxSeed.MichaelChen, TenAm, patientUuid: SandboxSeed.JonathanSmith);
        var lost = LoseTheAnswerOnce(start: null);
        var workflow = new BookingWorkflow(Client());
        var request = JaneAtTen(key);
        request.Rebooking.MaxRebookAttempts = maxRebookAttempts;

        // Without the settling, the retry's conflict made the workflow rebook again (two appointments
        // reported as one) or, with one attempt allowed, fail while the server held the appointment.
        var result = await workflow.BookAsync(request);

        Assert.Equal(1, lost.Applied);
        var only = Assert.Single(JanesAppointments());
        Assert.Equal(only.Uuid, result.Appointment.Uuid);
        Assert.NotEqual(TenAm, only.ScheduledStart);
        Assert.True(result.Rebooked);
        Assert.False(result.AlreadyBooked);
        Assert.Equal(new[] { BookingAttemptOutcome.Conflict, BookingAttemptOutcome.Booked }, result.Attempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_conflict_answering_a_resent_POST_that_is_someone_elses_is_still_rebooked()
    {
        // The first send is refused before it is applied (503); the retry's conflict is real.
        _sandbox.PreBook(SandboxSeed.MichaelChen, TenAm, patientUuid: SandboxSeed.JonathanSmith);
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Status(503));
        var workflow = new BookingWorkflow(Client());

        var result = await workflow.BookAsync(JaneAtTen(key: null));

        var only = Assert.Single(JanesAppointments());
        Assert.Equal(only.Uuid, result.Appointment.Uuid);
        Assert.True(result.Rebooked);
        Assert.Single(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conflict_answering_a_POST_sent_once_costs_no_lookup()
    {
        _sandbox.PreBook(SandboxSeed.MichaelChen, TenAm, patientUuid: SandboxSeed.JonathanSmith);
        var workflow = new BookingWorkflow(Client());

        var result = await workflow.BookAsync(JaneAtTen(key: null));

        Assert.True(result.Rebooked);
        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_lookup_that_settles_a_resent_POST_fails_the_outcome_is_unknown_not_a_rebooking()
    {
        LoseTheAnswerOnce(start: "2025-05-20T10:00:00");
        _sandbox.InjectFault("GET", Appointments, SandboxFault.Status(500), times: int.MaxValue);
        var workflow = new BookingWorkflow(Client());

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => workflow.BookAsync(JaneAtTen(key: null)));

        Assert.Equal(TenAm, doubt.Slot!.ScheduledStart);
        Assert.IsType<NexGenServerException>(doubt.InnerException);
        Assert.Single(JanesAppointments());
        // The first choice and the SDK's retry of it: nothing rebooked.
        var posts = _sandbox.ReceivedRequests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Contains("\"scheduled_start\":\"2025-05-20T10:00:00\"", p.Body, StringComparison.Ordinal));
    }

    /// <summary>
    /// The next POST of an appointment (at <paramref name="start"/>, or any but the first choice when
    /// null) commits, then its connection drops; <see cref="ForgetfulServer"/> forgets every key before the SDK retries.
    /// </summary>
    private InjectedFault LoseTheAnswerOnce(string? start)
        => _sandbox.InjectFaultWhere(
            r => r.Method == "POST" && r.Path.EndsWith("/appointments", StringComparison.Ordinal)
                && (start is null ? !r.Body!.Contains("T10:00:00", StringComparison.Ordinal) : r.Body!.Contains(start, StringComparison.Ordinal)),
            SandboxFault.DropConnection().AfterCommit(),
            times: 1);

    // Retries at once (no backoff) and timeouts on a fake clock: nothing here depends on the wall clock.
    private NexGenClient Client()
    {
        var options = _sandbox.CreateOptions();
        options.TimeProvider = new FakeTimeProvider();
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        options.Retry.UseJitter = false;
        return new NexGenClient(options, new ForgetfulServer(_sandbox));
    }

    /// <summary>Jane Smith's New Patient Exam at ten with Michael Chen (shared with <see cref="ForgottenKeyRefusalTests"/>).</summary>
    internal static BookingRequest JaneAtTen(string? key) => new()
    {
        PatientQuery = "Jane Smith",
        ProviderUuid = SandboxSeed.MichaelChen,
        AppointmentTypeCode = "NPE",
        LocationUuid = SandboxSeed.MainStreetDental,
        Start = TenAm,
        Notes = "New patient — first visit",
        IdempotencyKey = key,
    };

    private List<Appointment> JanesAppointments()
        => _sandbox.GetAppointments().Where(a => a.Patient.Uuid == SandboxSeed.JaneSmith && a.Status != AppointmentStatuses.Cancelled).ToList();

    /// <summary>The sandbox losing its key store whenever a POST's answer is lost: between the commit and the SDK's retry.</summary>
    private sealed class ForgetfulServer(NexGenSandbox sandbox) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (request.Method == HttpMethod.Post)
            {
                sandbox.ForgetIdempotencyKeys();
                throw;
            }
        }
    }
}
