using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>
/// A server that breaks the contract twice over: a POST commits and its answer is lost, the server forgets
/// the key, and it books the SDK's resend of that POST a second time into the same taken slot instead of
/// answering 409. No client can stop that; the booking says so (<see cref="BookingResult.Duplicates"/>
/// and a Warning naming both appointments) instead of reporting one appointment while the patient has two.
/// </summary>
public sealed class DoubleBookingServerTests : IAsyncLifetime
{
    private static readonly DateTime TenAm = new(2025, 5, 20, 10, 0, 0);
    private readonly FakeLogCollector _logs = new();
    private readonly FakeTimeProvider _serverClock = new(new DateTimeOffset(2025, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private NexGenSandbox _sandbox = null!;
    private volatile bool _identityProviderDown;

    public static TheoryData<string?> Keys => ["partner-booking-9001", null];

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = _serverClock });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_resent_POST_a_server_books_twice_is_reported_with_the_duplicate(string? key)
    {
        LoseTheFirstAnswer();

        // Before: the result named one appointment, nothing was logged, and Jane had two.
        var result = await Workflow(new DoubleBookingServer(_sandbox)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key));

        var janes = JanesAppointments();
        Assert.Equal(2, janes.Count);
        Assert.All(janes, a => Assert.Equal(TenAm, a.ScheduledStart));
        Assert.Contains(janes, a => a.Uuid == result.Appointment.Uuid);
        var duplicate = Assert.Single(result.Duplicates);
        Assert.Contains(janes, a => a.Uuid == duplicate.Uuid);
        Assert.NotEqual(result.Appointment.Uuid, duplicate.Uuid);
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Id.Name == "NexGenBookingDuplicated");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(result.Appointment.Uuid.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.Contains(duplicate.Uuid.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(organisation {_sandbox.OrganizationId}, practice {_sandbox.PracticeId})", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", warning.Message, StringComparison.Ordinal);
        // Nothing cancelled by the SDK: which one to keep is the practice's to say.
        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resent_POST_a_conforming_server_replays_has_no_duplicate_after_one_look()
    {
        LoseTheFirstAnswer();

        var result = await Workflow(transport: null).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null));

        Assert.Equal(result.Appointment.Uuid, Assert.Single(JanesAppointments()).Uuid);
        Assert.Empty(result.Duplicates);
        Assert.Single(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_POST_sent_once_costs_no_look()
    {
        var result = await Workflow(transport: null).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null));

        Assert.Empty(result.Duplicates);
        Assert.Equal(3, result.HttpRequestCount);
        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_look_that_fails_leaves_the_booking_made_and_says_so()
    {
        LoseTheFirstAnswer();
        _sandbox.InjectFault("GET", "/api/v1/{org_id}/appointments", SandboxFault.Status(500), times: int.MaxValue);

        var result = await Workflow(new DoubleBookingServer(_sandbox)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null));

        Assert.Contains(JanesAppointments(), a => a.Uuid == result.Appointment.Uuid);
        Assert.Empty(result.Duplicates);
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Id.Name == "NexGenBookingDuplicateCheckFailed");
        Assert.Contains(nameof(NexGenServerException), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_look_that_fails_outside_the_API_still_leaves_the_booking_made()
    {
        // The token provider fails once the POST is answered: the look's GET never leaves.
        LoseTheFirstAnswer();
        var options = Options();
        var token = options.Token!;
        options.Token = null;
        options.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => _identityProviderDown ? throw new InvalidOperationException("identity provider down") : new ValueTask<string>(token));
        var workflow = new BookingWorkflow(new NexGenClient(options, new IdentityProviderDownAfterTheBooking(this)), logger: Logger());

        // Before: the provider's InvalidOperationException, for a booking the server held (found by the reviewer).
        var result = await workflow.BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null));

        Assert.Equal(result.Appointment.Uuid, Assert.Single(JanesAppointments()).Uuid);
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Id.Name == "NexGenBookingDuplicateCheckFailed");
        Assert.Contains(nameof(InvalidOperationException), warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("identity provider down", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_booking_made_long_before_in_the_slot_is_not_named_a_duplicate()
    {
        // Jane's identical appointment from two hours earlier (another run, long done): not this call's sends.
        _sandbox.PreBook(SandboxSeed.MichaelChen, TenAm, patientUuid: SandboxSeed.JaneSmith, notes: ForgottenKeyRetryTests.JaneAtTen(null).Notes);
        _serverClock.Advance(TimeSpan.FromHours(2));
        LoseTheFirstAnswer();

        var result = await Workflow(new DoubleBookingServer(_sandbox)).BookAsync(ForgottenKeyRetryTests.JaneAtTen(key: null));

        Assert.Equal(3, JanesAppointments().Count);
        var duplicate = Assert.Single(result.Duplicates);
        Assert.Equal(_serverClock.GetUtcNow(), duplicate.CreatedAt);
    }

    /// <summary>The first POST of an appointment commits, then its connection drops: the SDK sends it again under the same key.</summary>
    private void LoseTheFirstAnswer()
        => _sandbox.InjectFaultWhere(
            r => r.Method == "POST" && r.Path.EndsWith("/appointments", StringComparison.Ordinal),
            SandboxFault.DropConnection().AfterCommit(),
            times: 1);

    // Retries at once (no backoff) and timeouts on a fake clock: nothing here depends on the wall clock.
    private BookingWorkflow Workflow(HttpMessageHandler? transport) => new(new NexGenClient(Options(), transport), logger: Logger());

    private NexGenClientOptions Options()
    {
        var options = _sandbox.CreateOptions();
        options.TimeProvider = new FakeTimeProvider();
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        options.Retry.UseJitter = false;
        return options;
    }

    private ILogger<BookingWorkflow> Logger()
        => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs))).CreateLogger<BookingWorkflow>();

    private List<Appointment> JanesAppointments()
        => _sandbox.GetAppointments().Where(a => a.Patient.Uuid == SandboxSeed.JaneSmith && a.Status != AppointmentStatuses.Cancelled).ToList();

    /// <summary>
    /// The sandbox with its key store lost whenever a POST's answer is lost, and no double-booking check: the
    /// appointments already booked are set aside (cancelled) while a POST is booked, then put back.
    /// </summary>
    private sealed class DoubleBookingServer(NexGenSandbox sandbox) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var setAside = sandbox.GetAppointments().Where(a => a.Status == AppointmentStatuses.Scheduled).ToList();
            setAside.ForEach(a => sandbox.SetAppointmentStatus(a.Uuid, AppointmentStatuses.Cancelled));
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                sandbox.ForgetIdempotencyKeys();
                throw;
            }
            finally
            {
                setAside.ForEach(a => sandbox.SetAppointmentStatus(a.Uuid, AppointmentStatuses.Scheduled));
            }
        }
    }

    /// <summary>Marks the identity provider down once a POST is answered 201.</summary>
    private sealed class IdentityProviderDownAfterTheBooking(DoubleBookingServerTests test) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && (int)response.StatusCode == 201)
            {
                test._identityProviderDown = true;
            }

            return response;
        }
    }
}
