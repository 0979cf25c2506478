using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>
/// The lost-response case: the booking is made, the response never arrives. A retry with the same
/// Idempotency-Key must get the stored 201, so the patient is booked once.
/// </summary>
public sealed class FaultAfterCommitTests : IAsyncDisposable
{
    private const string Appointments = "/api/v1/{org_id}/appointments";
    private static readonly TimeSpan Hold = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(150);

    // The sandbox's clock, which the client shares where a test times a hold: retry delays (50 ms at
    // most) pass at once, a hold and an attempt timeout only when the test moves the clock.
    private readonly TestClock _clock = new() { AutoAdvanceUpTo = TimeSpan.FromMilliseconds(50) };
    private readonly NexGenSandbox _sandbox;

    public FaultAfterCommitTests() => _sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { TimeProvider = _clock });

    public static TheoryData<string> Faults => ["503", "drop", "malformed", "empty"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task The_SDK_retry_after_a_lost_response_yields_one_appointment(string kind)
    {
        _sandbox.InjectFault("POST", Appointments, Fault(kind));
        var client = Sandboxes.Client(_sandbox);

        Appointment? booked = null;
        try
        {
            booked = await client.Appointments.CreateAsync(Bodies.Appointment());
        }
        catch (NexGenApiException) when (kind is "malformed" or "empty")
        {
            // A 201 with a broken body is not retried (it is not a transient status); retry by hand below.
        }

        booked ??= await client.Appointments.CreateAsync(Bodies.Appointment(), idempotencyKey: _sandbox.ReceivedRequests[0].Header("Idempotency-Key"));

        var stored = Assert.Single(_sandbox.GetAppointments());
        Assert.Equal(stored.Uuid, booked.Uuid);
        var keys = _sandbox.ReceivedRequests.Select(r => r.Header("Idempotency-Key")).Distinct().ToList();
        Assert.Single(keys);
        Assert.Equal(2, _sandbox.ReceivedRequests.Count);
    }

    [Fact]
    public async Task The_replayed_201_is_the_original_response()
    {
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Status(503).AfterCommit());
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/appointments";

        var lost = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");
        var replay = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");

        await Raw.ProblemAsync(lost, 503, "server-error");
        Assert.Equal(201, (int)replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(_sandbox.GetAppointments().Single().Uuid.ToString(), (string?)(await Raw.JsonAsync(replay))["uuid"]);
    }

    [Fact]
    public async Task A_slow_response_after_commit_times_out_and_the_retry_replays()
    {
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Delay(Hold).AfterCommit());
        var client = Sandboxes.Client(_sandbox, _clock, o => o.AttemptTimeout = AttemptTimeout);

        // The booking is made and its answer held: the attempt times out, and the retry gets the replay.
        var booking = client.Appointments.CreateAsync(Bodies.Appointment());
        await Waiting.UntilAsync(() => _clock.IsArmed(Hold) && _clock.IsArmed(AttemptTimeout), "the answer held under the attempt timeout");
        _clock.Advance(AttemptTimeout);
        var booked = await booking.WaitAsync(Waiting.Patience);

        Assert.Equal(_sandbox.GetAppointments().Single().Uuid, booked.Uuid);
        Assert.Equal(2, _sandbox.ReceivedRequests.Count);
        Assert.Single(_sandbox.ReceivedRequests.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task Without_an_idempotency_key_the_POST_is_not_retried_and_the_booking_still_exists()
    {
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Status(503).AfterCommit());
        var client = Sandboxes.Client(_sandbox, o => o.AutomaticIdempotencyKeys = false);

        await Assert.ThrowsAsync<NexGenServerException>(() => client.Appointments.CreateAsync(Bodies.Appointment()));

        Assert.Single(_sandbox.ReceivedRequests);
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task A_fault_before_commit_changes_nothing()
    {
        _sandbox.InjectFault("POST", Appointments, SandboxFault.Status(503));
        using var http = _sandbox.CreateHttpClient();

        var failed = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson(), "key-1");
        var mismatchFree = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson(start: "2025-05-20T13:30:00", end: "2025-05-20T14:30:00"), "key-1");

        Assert.Equal((503, 201), ((int)failed.StatusCode, (int)mismatchFree.StatusCode));
        Assert.Equal(new DateTime(2025, 5, 20, 13, 30, 0), _sandbox.GetAppointments().Single().ScheduledStart);
    }

    private static SandboxFault Fault(string kind) => kind switch
    {
        "503" => SandboxFault.Status(503).AfterCommit(),
        "drop" => SandboxFault.DropConnection().AfterCommit(),
        "malformed" => SandboxFault.MalformedBody(),
        _ => SandboxFault.EmptyBody(),
    };

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
