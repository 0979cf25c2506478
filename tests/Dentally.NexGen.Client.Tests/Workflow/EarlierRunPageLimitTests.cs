using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>The earlier-run check's documented bound: at most five page requests, checked before each page.</summary>
public sealed class EarlierRunPageLimitTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Fact]
    public async Task A_server_that_keeps_answering_full_pages_is_asked_for_five_pages_never_a_sixth()
    {
        Types(_harness);
        Search(_harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
        PostAt(_harness, "2025-05-20T10:00:00", Conflict());
        Availability(_harness);

        // Every page full, and a total that says there is more: none of them is this booking's
        // (another provider, whom the policy does not accept).
        var other = AppointmentJson("2025-05-20T10:00:00", "2025-05-20T11:00:00", provider: Natarajan);
        _harness.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/appointments"))
            .RespondWith(SdkHarness.Json(200, $$"""{"items":[{{string.Join(",", Enumerable.Repeat(other, 100))}}],"page":1,"page_size":100,"total":100000}"""));
        var request = JaneNpeAtTen();
        request.IdempotencyKey = "partner-booking-77";

        await Assert.ThrowsAsync<SlotUnavailableException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        var pages = _harness.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/appointments", StringComparison.Ordinal)).Select(r => r.Query!["page"].Single()).ToList();
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, pages);
    }

    [Theory]
    // A cap of 25 while the envelope echoes the 100 asked for: the earlier run's appointment is the 26th.
    [InlineData(25, 26)]
    // A server that never fills in total (0) beside a full first page.
    [InlineData(100, 0)]
    public async Task The_earlier_runs_appointment_on_the_second_page_of_a_server_whose_envelope_misstates_the_list_is_found_not_booked_again(int firstPage, int total)
    {
        Types(_harness);
        Search(_harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
        PostAt(_harness, "2025-05-20T10:00:00", Conflict());
        Availability(_harness, SlotJson("2025-05-20T11:00:00", "2025-05-20T12:00:00"));
        PostAt(_harness, "2025-05-20T11:00:00", Created("2025-05-20T11:00:00", "2025-05-20T12:00:00"));
        var other = AppointmentJson("2025-05-20T10:00:00", "2025-05-20T11:00:00", provider: Natarajan);
        var appointments = $"/api/v1/{SdkHarness.Org}/appointments";
        _harness.Server.Given(Request.Create().UsingGet().WithPath(appointments).WithParam("page", "1"))
            .RespondWith(SdkHarness.Json(200, $$"""{"items":[{{string.Join(",", Enumerable.Repeat(other, firstPage))}}],"page":1,"page_size":100,"total":{{total}}}"""));
        _harness.Server.Given(Request.Create().UsingGet().WithPath(appointments).WithParam("page", "2"))
            .RespondWith(SdkHarness.Json(200, $$"""{"items":[{{AppointmentJson("2025-05-20T10:00:00", "2025-05-20T11:00:00")}}],"page":2,"page_size":100,"total":{{total}}}"""));
        var request = JaneNpeAtTen();
        request.IdempotencyKey = "partner-booking-78";

        var result = await new BookingWorkflow(_harness.Client).BookAsync(request);

        Assert.True(result.AlreadyBooked);
        Assert.Single(_harness.Requests, r => r.Method == "POST"); // the rebooking at 11:00 is never sent
    }

    public void Dispose() => _harness.Dispose();
}
