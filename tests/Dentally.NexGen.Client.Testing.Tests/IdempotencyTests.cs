using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Idempotency-Key on POST /appointments and POST /patients: replay, mismatch, in use.</summary>
public sealed class IdempotencyTests : IAsyncDisposable
{
    // The sandbox's clock, which the SDK clients share: retry delays (50 ms at most) pass at once and
    // move it on; a held request is answered only when it has moved that far.
    private readonly TestClock _clock = new() { AutoAdvanceUpTo = TimeSpan.FromMilliseconds(50) };
    private readonly NexGenSandbox _sandbox;

    public IdempotencyTests() => _sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { TimeProvider = _clock });

    [Fact]
    public async Task The_same_key_and_body_replays_the_original_status_body_and_Location()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/appointments";

        var first = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), idempotencyKey: "6f1c9a2e-3b4d-4c8e-9f0a-1b2c3d4e5f60");
        var replay = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), idempotencyKey: "6f1c9a2e-3b4d-4c8e-9f0a-1b2c3d4e5f60");

        Assert.Equal((201, 201), ((int)first.StatusCode, (int)replay.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.NotEqual(Raw.RequestId(first), Raw.RequestId(replay));
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task Bodies_are_compared_as_JSON_not_as_text()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/patients";

        var first = await Raw.PostAsync(http, path, """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10"}""", "key-1");
        var reordered = await Raw.PostAsync(http, path, """{ "date_of_birth": "1990-12-10", "last_name": "Lovelace", "first_name": "Ada" }""", "key-1");

        Assert.Equal((201, 201), ((int)first.StatusCode, (int)reordered.StatusCode));
        Assert.Equal((string?)(await Raw.JsonAsync(first))["uuid"], (string?)(await Raw.JsonAsync(reordered))["uuid"]);
        Assert.Equal(3, _sandbox.GetPatients().Count);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_mismatch()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/appointments";
        await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");

        var response = await Raw.PostAsync(http, path, Bodies.AppointmentJson(start: "2025-05-20T13:30:00", end: "2025-05-20T14:30:00"), "key-1");

        var problem = await Raw.ProblemAsync(response, 422, "idempotency-key-mismatch");
        Assert.Equal("The Idempotency-Key was already used with a different request body.", (string?)problem["detail"]);
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task A_409_slot_conflict_is_replayed_under_its_key_even_once_the_slot_is_free()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/appointments";
        var taken = _sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 10, 0, 0), patientUuid: SandboxSeed.JonathanSmith);

        var conflict = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "conflict-key");
        _sandbox.SetAppointmentStatus(taken.Uuid, AppointmentStatuses.Cancelled);
        var replay = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "conflict-key");
        var fresh = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "another-key");

        await Raw.ProblemAsync(conflict, 409, "slot-conflict");

        // The original body, byte for byte: its request_id names the first request, X-Request-Id this one.
        Assert.Equal(409, (int)replay.StatusCode);
        Assert.Equal(await conflict.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.NotEqual(Raw.RequestId(conflict), Raw.RequestId(replay));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(201, (int)fresh.StatusCode);
    }

    [Fact]
    public async Task A_422_validation_error_is_not_stored_so_the_key_can_be_sent_again()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/patients";

        var invalid = await Raw.PostAsync(http, path, """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"not a date"}""", "patient-key");
        var valid = await Raw.PostAsync(http, path, """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10"}""", "patient-key");

        await Raw.ProblemAsync(invalid, 422, "validation-error");
        Assert.Equal(201, (int)valid.StatusCode);
    }

    [Fact]
    public async Task A_forgotten_key_runs_the_POST_again()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/appointments";
        await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");

        _sandbox.ForgetIdempotencyKeys();
        var again = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");

        await Raw.ProblemAsync(again, 409, "slot-conflict");
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task The_SDK_gets_a_typed_mismatch()
    {
        var client = Sandboxes.Client(_sandbox);
        await client.Patients.CreateAsync(Bodies.Patient(), idempotencyKey: "patient-key");

        await Assert.ThrowsAsync<NexGenIdempotencyKeyMismatchException>(() => client.Patients.CreateAsync(Bodies.Patient("Grace", "Hopper"), idempotencyKey: "patient-key"));
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_runs_is_a_409_in_use_then_replays()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/appointments";
        var hold = TimeSpan.FromMilliseconds(400);
        _sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.Delay(hold));

        // The hold starts once the request has claimed its key.
        var first = Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");
        await _clock.WhenArmedAsync(hold);
        var second = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");
        _clock.Advance(hold);
        var original = await first.WaitAsync(Waiting.Patience);
        var third = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");

        await Raw.ProblemAsync(second, 409, "idempotency-key-in-use");
        Assert.Equal("1", second.Headers.GetValues("Retry-After").Single());
        Assert.Equal((201, 201), ((int)original.StatusCode, (int)third.StatusCode));
        Assert.Equal(await original.Content.ReadAsStringAsync(), await third.Content.ReadAsStringAsync());
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task Two_concurrent_SDK_calls_with_one_key_end_with_one_appointment()
    {
        // Whichever call is held for 100 ms, the other gets 409 in-use and retries (every 50 ms of the
        // shared clock, up to 10 times) until it can replay: its second wait ends the hold.
        var client = Sandboxes.Client(_sandbox, _clock, o => o.Retry.MaxRetries = 10);
        _sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.Delay(TimeSpan.FromMilliseconds(100)));

        var both = await Task.WhenAll(
            client.Appointments.CreateAsync(Bodies.Appointment(), idempotencyKey: "shared"),
            client.Appointments.CreateAsync(Bodies.Appointment(), idempotencyKey: "shared"));

        Assert.Equal(both[0].Uuid, both[1].Uuid);
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task A_failed_attempt_releases_its_key()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/appointments";

        var invalid = await Raw.PostAsync(http, path, Bodies.AppointmentJson(end: "2025-05-20T09:00:00"), "key-1");
        var fixedUp = await Raw.PostAsync(http, path, Bodies.AppointmentJson(), "key-1");

        Assert.Equal((422, 201), ((int)invalid.StatusCode, (int)fixedUp.StatusCode));
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_operation()
    {
        using var http = _sandbox.CreateHttpClient();

        var appointment = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson(), "same-key");
        var patient = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/patients", """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10"}""", "same-key");

        Assert.Equal((201, 201), ((int)appointment.StatusCode, (int)patient.StatusCode));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_a_400()
    {
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson(), new string('k', 256));

        await Raw.ProblemAsync(response, 400, "malformed-request");
        Assert.Empty(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task Without_a_key_every_POST_is_new()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = Raw.Org(_sandbox) + "/patients";

        await Raw.PostAsync(http, path, """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10"}""");
        await Raw.PostAsync(http, path, """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10"}""");

        Assert.Equal(4, _sandbox.GetPatients().Count);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
