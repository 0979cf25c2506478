using Dentally.NexGen.Client.Tests.Support;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>The keys a booking's POSTs carry, as the server sees them.</summary>
public sealed class BookingKeyTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    public BookingKeyTests()
    {
        Types(_harness);
        Search(_harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
        PatientAppointments(_harness);
    }

    private List<string> PostedKeys => _harness.Requests.Where(r => r.Method == "POST").Select(r => r.Headers!["Idempotency-Key"].Single()).ToList();

    [Fact]
    public async Task Each_POST_carries_a_key_derived_from_the_callers_key_and_a_rerun_sends_the_same_keys()
    {
        PostAt(_harness, "2025-05-20T10:00:00", Conflict(SlotJson("2025-05-20T11:00:00", "2025-05-20T12:00:00")));
        PostAt(_harness, "2025-05-20T11:00:00", Created("2025-05-20T11:00:00", "2025-05-20T12:00:00"));
        var longest = new string('k', 199) + "z";
        var request = JaneNpeAtTen();
        request.IdempotencyKey = longest;
        var workflow = new BookingWorkflow(_harness.Client);

        var first = await workflow.BookAsync(request);
        var again = await workflow.BookAsync(request);

        var keys = PostedKeys;
        Assert.Equal(4, keys.Count);
        Assert.Equal(longest + "/appointment", keys[0]);
        Assert.Matches("^" + longest + "/appointment/[0-9a-f]{16}$", keys[1]);
        Assert.Equal(keys[..2], keys[2..]);
        Assert.All(keys, k => Assert.True(k.Length <= 255, $"{k.Length} characters"));
        Assert.Equal(longest, first.IdempotencyKey);
        Assert.Equal(longest, again.IdempotencyKey);
    }

    [Fact]
    public async Task Without_a_key_each_call_makes_its_own_and_reports_it()
    {
        PostAt(_harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var workflow = new BookingWorkflow(_harness.Client);

        var first = await workflow.BookAsync(JaneNpeAtTen());
        var second = await workflow.BookAsync(JaneNpeAtTen());

        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
        Assert.Equal([first.IdempotencyKey + "/appointment", second.IdempotencyKey + "/appointment"], PostedKeys);
    }

    [Fact]
    public async Task A_patient_the_booking_creates_is_posted_under_the_same_key_on_every_run()
    {
        Search(_harness, "Nobody", Page());
        _harness.Server.Given(WireMock.RequestBuilders.Request.Create().UsingPost().WithPath($"/api/v1/{SdkHarness.Org}/patients"))
            .RespondWith(SdkHarness.Json(201, PatientJson("77777777-e5f6-4890-abcd-ef1234567890", "Nobody", "1990-01-01", Chen)));
        PostAt(_harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Nobody";
        request.CreatePatientIfMissing = new PatientCreate { FirstName = "Nobody", LastName = "Smith", DateOfBirth = new DateTime(1990, 1, 1) };
        request.IdempotencyKey = "booking-77";
        var workflow = new BookingWorkflow(_harness.Client);

        await workflow.BookAsync(request);
        await workflow.BookAsync(request);

        Assert.Equal(["booking-77/patient", "booking-77/appointment", "booking-77/patient", "booking-77/appointment"], PostedKeys);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("line\nbreak")]
    [InlineData("clé")]
    public async Task A_bad_key_is_refused_before_any_request(string key)
    {
        var request = JaneNpeAtTen();
        request.IdempotencyKey = key;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        Assert.Equal("request.IdempotencyKey", error.ParamName);
        Assert.Empty(_harness.Requests);
    }

    [Fact]
    public async Task A_key_of_201_characters_is_refused_before_any_request()
    {
        var request = JaneNpeAtTen();
        request.IdempotencyKey = new string('k', 201);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        Assert.Equal("request.IdempotencyKey", error.ParamName);
        Assert.Empty(_harness.Requests);
    }

    [Fact]
    public void A_rebooking_key_is_the_same_digest_on_every_build()
    {
        // The netstandard2.0 build computes the digest with other APIs than the net8.0 and net10.0 builds.
        var slot = new Slot
        {
            ProviderUuid = Guid.Parse("d4e5f6a7-b8c9-0123-defa-234567890123"),
            LocationUuid = Guid.Parse("b2c3d4e5-f6a7-8901-bcde-f12345678901"),
            ScheduledStart = new DateTime(2025, 5, 20, 11, 0, 0),
            ScheduledEnd = new DateTime(2025, 5, 20, 12, 0, 0),
        };

        Assert.Equal("booking-1/appointment/072abf1476758094", BookingKeys.For("booking-1").Rebooking(slot));
    }

    public void Dispose() => _harness.Dispose();
}
