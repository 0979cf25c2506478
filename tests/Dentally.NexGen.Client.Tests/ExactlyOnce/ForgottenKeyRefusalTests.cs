using System.Net;
using System.Text;
using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>
/// A POST commits, its answer is lost (the connection drops), and the server, having forgotten the key
/// (its replay window passed, its key store was lost), refuses the SDK's retry of that POST instead of
/// replaying the 201: a 422 (<c>validation-error</c>, or <c>idempotency-key-mismatch</c> for a key it
/// no longer matches) or a 400. The appointment exists, so the booking is reported booked, not refused;
/// a refusal whose first send was not applied stays that refusal. So too for a rerun with the caller's
/// key after the server forgot it: its refused first POST returns the earlier run's appointment.
/// </summary>
public sealed class ForgottenKeyRefusalTests : IAsyncLifetime
{
    private const string CallerKey = "partner-booking-9001";
    private static readonly DateTime TenAm = new(2025, 5, 20, 10, 0, 0);
    private NexGenSandbox _sandbox = null!;

    public static TheoryData<string?, int, string> Refusals => new()
    {
        { CallerKey, 422, "validation-error" },
        { null, 422, "validation-error" },
        { CallerKey, 422, "idempotency-key-mismatch" },
        { null, 422, "idempotency-key-mismatch" },
        { null, 400, "malformed-request" },
    };

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_retry_refused_after_the_first_send_committed_is_the_one_appointment(string? key, int status, string type)
    {
        _sandbox.InjectFaultWhere(IsAppointmentPost, SandboxFault.DropConnection().AfterCommit(), times: 1);
        using var transport = new RefusingResends(status, type);

        // Before the fix: NexGenValidationException, NexGenMalformedRequestException or BookingKeyReusedException
        // ("nothing was booked") while the server held the appointment.
        var result = await new BookingWorkflow(Client(transport)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key));

        var only = Assert.Single(JanesAppointments());
        Assert.Equal(only.Uuid, result.Appointment.Uuid);
        Assert.Equal(TenAm, only.ScheduledStart);
        Assert.False(result.Rebooked);
        Assert.Equal(BookingAttemptOutcome.Booked, Assert.Single(result.Attempts).Outcome);
        Assert.Equal(1, transport.Refused);
    }

    [Fact]
    public async Task A_retry_refused_after_a_first_send_that_was_not_applied_stays_the_refusal()
    {
        _sandbox.InjectFaultWhere(IsAppointmentPost, SandboxFault.Status(503), times: 1);
        using var transport = new RefusingResends(422, "validation-error");

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => new BookingWorkflow(Client(transport)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null)));

        Assert.Equal(422, error.StatusCode);
        Assert.Empty(JanesAppointments());
        // The look for the booking's own appointment, then nothing more.
        Assert.Single(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_of_a_POST_sent_once_costs_no_lookup()
    {
        using var transport = new RefusingResends(422, "validation-error", refuseFrom: 1);

        await Assert.ThrowsAsync<NexGenValidationException>(() => new BookingWorkflow(Client(transport)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null)));

        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rerun_with_the_callers_key_refused_as_used_with_another_body_returns_the_earlier_runs_appointment()
    {
        // The first run books; the server then no longer replays the key (its replay window passed) and refuses
        // the rerun's first POST as a key used before, instead of replaying the 201.
        using var transport = new RefusingResends(422, "idempotency-key-mismatch");
        var workflow = new BookingWorkflow(Client(transport));
        var first = await workflow.BookAsync(ForgottenKeyRetryTests.JaneAtTen(CallerKey));
        _sandbox.ForgetIdempotencyKeys();

        // Before: the refusal (BookingKeyReusedException: "use a new key", which books a second appointment).
        var rerun = await workflow.BookAsync(ForgottenKeyRetryTests.JaneAtTen(CallerKey));

        Assert.True(rerun.AlreadyBooked);
        Assert.Equal(first.Appointment.Uuid, rerun.Appointment.Uuid);
        Assert.Equal(first.Appointment.Uuid, Assert.Single(JanesAppointments()).Uuid);
        Assert.Equal(1, transport.Refused);
    }

    [Fact]
    public async Task A_first_run_with_the_callers_key_refused_as_a_used_key_and_nothing_earlier_stays_the_refusal_after_one_look()
    {
        using var transport = new RefusingResends(422, "idempotency-key-mismatch", refuseFrom: 1);

        await Assert.ThrowsAsync<BookingKeyReusedException>(() => new BookingWorkflow(Client(transport)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(CallerKey)));

        Assert.Empty(JanesAppointments());
        Assert.Single(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_run_refused_as_a_used_key_whose_look_fails_stays_the_refusal()
    {
        _sandbox.InjectFaultWhere(r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal), SandboxFault.Status(503), times: 100);
        using var transport = new RefusingResends(422, "idempotency-key-mismatch", refuseFrom: 1);

        // Before: the look's own NexGenServerException, in place of the answer the POST got.
        await Assert.ThrowsAsync<BookingKeyReusedException>(() => new BookingWorkflow(Client(transport)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(CallerKey)));

        Assert.Contains(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_choice_refused_as_invalid_stays_the_refusal_though_the_patient_has_a_like_appointment_that_day()
    {
        // Jane already has an appointment of the same type, site, provider, length and notes at two; a new
        // booking at ten, with a fresh key of the caller's, is refused as invalid (say, outside opening hours).
        using var transport = new RefusingResends(422, "validation-error", refuseFrom: 2);
        var workflow = new BookingWorkflow(Client(transport));
        var atTwo = ForgottenKeyRetryTests.JaneAtTen(key: null);
        atTwo.Start = TenAm.AddHours(4);
        var existing = await workflow.BookAsync(atTwo);

        // Before: AlreadyBooked, the two o'clock appointment returned for a ten o'clock booking the server refused.
        await Assert.ThrowsAsync<NexGenValidationException>(() => workflow.BookAsync(ForgottenKeyRetryTests.JaneAtTen(CallerKey)));

        Assert.Equal(existing.Appointment.Uuid, Assert.Single(JanesAppointments()).Uuid);
        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_refused_as_invalid_after_an_unapplied_send_stays_the_refusal_though_the_patient_has_a_like_appointment_that_day()
    {
        // Jane already has a like appointment at two. The ten o'clock POST, with a key of the caller's, meets a 503
        // (applied or not, unknown), and its retry is refused as invalid.
        var atTwo = ForgottenKeyRetryTests.JaneAtTen(key: null);
        atTwo.Start = TenAm.AddHours(4);
        using var plain = new SocketsHttpHandler();
        var existing = await new BookingWorkflow(Client(plain)).BookAsync(atTwo);
        _sandbox.InjectFaultWhere(IsAppointmentPost, SandboxFault.Status(503), times: 1);
        using var transport = new RefusingResends(422, "validation-error");

        // Before: AlreadyBooked, the two o'clock appointment returned for the refused ten o'clock booking.
        await Assert.ThrowsAsync<NexGenValidationException>(() => new BookingWorkflow(Client(transport)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(CallerKey)));

        Assert.Equal(existing.Appointment.Uuid, Assert.Single(JanesAppointments()).Uuid);
        // The look for this booking's own appointment at ten, and nothing more.
        Assert.Single(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_after_a_token_refresh_resend_costs_no_lookup()
    {
        // The POST is refused 401 (an expired token), sent again with a fresh one, and refused 422: no send of
        // it was applied, so there is no appointment of this booking's to look for.
        using var transport = new RefusingResends(422, "validation-error", refuseFrom: 2, refuseTo: 2, unauthorizedFirstWith: _sandbox.Token);
        var tokens = 0;
        var options = _sandbox.CreateOptions();
        options.Token = null;
        options.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => new ValueTask<string>("token-" + Interlocked.Increment(ref tokens)));

        await Assert.ThrowsAsync<NexGenValidationException>(() => new BookingWorkflow(Client(transport, options)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null)));

        Assert.Equal(1, transport.Refused); // the resend with the fresh token met the 422
        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patient_creation_retry_refused_after_the_first_send_created_the_patient_books_for_that_patient()
    {
        _sandbox.InjectFaultWhere(r => r.Method == "POST" && r.Path.EndsWith("/patients", StringComparison.Ordinal), SandboxFault.DropConnection().AfterCommit(), times: 1);
        using var transport = new RefusingResends(422, "validation-error", refuseFrom: 2, refuseTo: 2);
        var request = new BookingRequest
        {
            PatientQuery = "Ada Okafor",
            CreatePatientIfMissing = new PatientCreate { FirstName = "Ada", LastName = "Okafor", DateOfBirth = new DateTime(1990, 2, 3), PreferredProviderUuid = SandboxSeed.MichaelChen },
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = TenAm,
        };

        // Before: NexGenValidationException, with the patient created and nothing booked.
        var result = await new BookingWorkflow(Client(transport)).BookAsync(request);

        var ada = Assert.Single(_sandbox.GetPatients(), p => p.LastName == "Okafor");
        Assert.Equal(ada.Uuid, result.Appointment.Patient.Uuid);
        Assert.Single(_sandbox.GetAppointments(), a => a.Patient.Uuid == ada.Uuid);
        Assert.Equal(1, transport.Refused);
    }

    private static bool IsAppointmentPost(ReceivedRequest request)
        => request.Method == "POST" && request.Path.EndsWith("/appointments", StringComparison.Ordinal);

    // Retries at once (no backoff) and timeouts on a fake clock: nothing here depends on the wall clock.
    private NexGenClient Client(HttpMessageHandler transport, NexGenClientOptions? options = null)
    {
        options ??= _sandbox.CreateOptions();
        options.TimeProvider = new FakeTimeProvider();
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        options.Retry.UseJitter = false;
        return new NexGenClient(options, transport);
    }

    private List<Appointment> JanesAppointments()
        => _sandbox.GetAppointments().Where(a => a.Patient.Uuid == SandboxSeed.JaneSmith && a.Status != AppointmentStatuses.Cancelled).ToList();

    /// <summary>
    /// The server after it forgot its keys: the POSTs from the <paramref name="refuseFrom"/>th to the <paramref name="refuseTo"/>th
    /// are refused with that problem, never reaching the sandbox. With <paramref name="unauthorizedFirstWith"/> (the sandbox's
    /// token) the first POST is refused 401, and every request that reaches the sandbox carries that token, whatever the client sent.
    /// </summary>
    private sealed class RefusingResends(int status, string type, int refuseFrom = 2, int refuseTo = int.MaxValue, string? unauthorizedFirstWith = null) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _posts;
        private int _refused;

        public int Refused => Volatile.Read(ref _refused);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var post = request.Method == HttpMethod.Post ? Interlocked.Increment(ref _posts) : 0;
            if (unauthorizedFirstWith is not null && post == 1)
            {
                var unauthorized = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = Problem(401, "unauthorized") };
                unauthorized.Headers.WwwAuthenticate.ParseAdd("Bearer");
                return Task.FromResult(unauthorized);
            }

            if (post == 0 || post < refuseFrom || post > refuseTo)
            {
                if (unauthorizedFirstWith is not null)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", unauthorizedFirstWith);
                }

                return base.SendAsync(request, cancellationToken);
            }

            Interlocked.Increment(ref _refused);
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = Problem(status, type) });
        }

        private static StringContent Problem(int status, string type)
            => new($"{{\"type\":\"{ProblemTypes.Prefix}{type}\",\"title\":\"Refused\",\"status\":{status},\"errors\":{{}}}}", Encoding.UTF8, "application/problem+json");
    }
}
