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
    private NexGenSandbox _sandbox = null!;

    public static TheoryData<string?> Keys => ["partner-booking-9001", null];

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

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

    /// <summary>The first POST of an appointment commits, then its connection drops: the SDK sends it again under the same key.</summary>
    private void LoseTheFirstAnswer()
        => _sandbox.InjectFaultWhere(
            r => r.Method == "POST" && r.Path.EndsWith("/appointments", StringComparison.Ordinal),
            SandboxFault.DropConnection().AfterCommit(),
            times: 1);

    // Retries at once (no backoff) and timeouts on a fake clock: nothing here depends on the wall clock.
    private BookingWorkflow Workflow(HttpMessageHandler? transport)
    {
        var options = _sandbox.CreateOptions();
        options.TimeProvider = new FakeTimeProvider();
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        options.Retry.UseJitter = false;
        var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        return new BookingWorkflow(new NexGenClient(options, transport), logger: loggers.CreateLogger<BookingWorkflow>());
    }

    private List<Appointment> JanesAppointments()
        => _sandbox.GetAppointments().Where(a => a.Patient.Uuid == SandboxSeed.JaneSmith && a.Status != AppointmentStatuses.Cancelled).ToList();

    /// <summary>
    /// The sandbox with its key store lost whenever a POST's answer is lost, and no double-booking check for the
    /// resend: the appointments already in the slot are set aside (cancelled) while the resend is booked, then put back.
    /// </summary>
    private sealed class DoubleBookingServer(NexGenSandbox sandbox) : DelegatingHandler(new SocketsHttpHandler())
    {
        private bool _lost;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!_lost || request.Method != HttpMethod.Post)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException) when (request.Method == HttpMethod.Post)
                {
                    sandbox.ForgetIdempotencyKeys();
                    _lost = true;
                    throw;
                }
            }

            var setAside = sandbox.GetAppointments().Where(a => a.Status == AppointmentStatuses.Scheduled).ToList();
            setAside.ForEach(a => sandbox.SetAppointmentStatus(a.Uuid, AppointmentStatuses.Cancelled));
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                setAside.ForEach(a => sandbox.SetAppointmentStatus(a.Uuid, AppointmentStatuses.Scheduled));
            }
        }
    }
}
