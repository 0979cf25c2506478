using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>The booking pipeline against WireMock: request counts, rebooking, policy, patients, types, errors.</summary>
public sealed class BookingWorkflowTests : IDisposable
{
    private readonly SdkHarness _harness = new();
    private readonly AppointmentTypeCache _cache = new();
    private readonly BookingWorkflow _workflow;

    public BookingWorkflowTests()
    {
        _workflow = new BookingWorkflow(_harness.Client, _cache);
        Types(_harness);
        Search(_harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
    }

    private List<JToken> PostedBodies => _harness.Requests.Where(r => r.Method == "POST").Select(r => Json.Parse(r.Body!)).ToList();

    private List<string> PostedKeys => _harness.Requests.Where(r => r.Method == "POST").Select(r => r.Headers!["Idempotency-Key"].Single()).ToList();

    private async Task WarmCacheAsync()
    {
        await _cache.GetAsync(_harness.Client, refresh: false, CancellationToken.None);
        _harness.Server.ResetLogEntries();
    }

    [Fact]
    public async Task Books_in_three_requests_cold_and_two_warm()
    {
        PostAt(_harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));

        var cold = await _workflow.BookAsync(JaneNpeAtTen());
        var warm = await _workflow.BookAsync(JaneNpeAtTen());

        Assert.Equal(3, cold.HttpRequestCount);
        Assert.Equal(2, warm.HttpRequestCount);
        Assert.Equal(5, _harness.Requests.Count);
        Assert.Equal(AppointmentStatuses.Scheduled, warm.Appointment.Status);
        Assert.False(warm.Rebooked);
        Assert.Equal(BookingAttemptOutcome.Booked, Assert.Single(warm.Attempts).Outcome);
        var body = PostedBodies[0];
        Assert.Equal(Jane, (string)body["patient_uuid"]!);
        Assert.Equal(Npe, (string)body["appointment_type_uuid"]!);
        Assert.Equal(MainStreet, (string)body["location_uuid"]!);
        Assert.Equal(Chen, (string)body["provider_uuid"]!);
        Assert.Equal("2025-05-20T10:00:00", (string)body["scheduled_start"]!);
        Assert.Equal("2025-05-20T11:00:00", (string)body["scheduled_end"]!);
        Assert.Equal("New patient — first visit", (string)body["notes"]!);
    }

    [Fact]
    public async Task A_conflict_is_rebooked_from_the_suggested_slots_with_one_extra_request_and_a_new_key()
    {
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", Conflict(SlotJson("2025-05-20T08:00:00", "2025-05-20T09:00:00"), SlotJson("2025-05-20T11:00:00", "2025-05-20T12:00:00")));
        PostAt(_harness, "2025-05-20T11:00:00", Created("2025-05-20T11:00:00", "2025-05-20T12:00:00"));

        var result = await _workflow.BookAsync(JaneNpeAtTen());

        Assert.Equal(3, result.HttpRequestCount);
        Assert.True(result.Rebooked);
        Assert.Equal(new DateTime(2025, 5, 20, 11, 0, 0), result.Appointment.ScheduledStart);
        Assert.Equal(new[] { BookingAttemptOutcome.Conflict, BookingAttemptOutcome.Booked }, result.Attempts.Select(a => a.Outcome));
        Assert.Equal(ProblemTypes.SlotConflict, result.Attempts[0].ProblemType);
        Assert.Equal("2025-05-20T11:00:00", (string)PostedBodies[1]["scheduled_start"]!);
        Assert.NotEqual(PostedKeys[0], PostedKeys[1]);
    }

    [Fact]
    public async Task Without_a_usable_suggestion_the_earliest_available_slot_is_taken()
    {
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", Conflict(SlotJson("2025-05-21T10:00:00", "2025-05-21T11:00:00"), SlotJson("2025-05-20T12:00:00", "2025-05-20T13:00:00", Natarajan)));
        Availability(_harness, SlotJson("2025-05-20T09:00:00", "2025-05-20T10:00:00"), SlotJson("2025-05-20T15:00:00", "2025-05-20T16:00:00"), SlotJson("2025-05-20T14:00:00", "2025-05-20T15:00:00"));
        PostAt(_harness, "2025-05-20T14:00:00", Created("2025-05-20T14:00:00", "2025-05-20T15:00:00"));

        var result = await _workflow.BookAsync(JaneNpeAtTen());

        Assert.Equal(4, result.HttpRequestCount);
        Assert.Equal(new DateTime(2025, 5, 20, 14, 0, 0), result.Appointment.ScheduledStart);
        var availability = _harness.Requests.Single(r => r.AbsolutePath.EndsWith("/availability", StringComparison.Ordinal));
        Assert.Equal("2025-05-20T10:00:00", availability.Query!["from"].Single());
        Assert.Equal("2025-05-21T00:00:00", availability.Query["to"].Single());
        Assert.Equal(Chen, availability.Query["provider_uuid"].Single());
        Assert.Equal(Npe, availability.Query["appointment_type_uuid"].Single());
    }

    [Fact]
    public async Task The_policy_can_allow_another_day_and_another_provider()
    {
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", Conflict(SlotJson("2025-05-20T12:00:00", "2025-05-20T13:00:00", Natarajan)));
        PostAt(_harness, "2025-05-20T12:00:00", Created("2025-05-20T12:00:00", "2025-05-20T13:00:00", Natarajan));
        var request = JaneNpeAtTen();
        request.Rebooking = new RebookingPolicy { AllowOtherProvider = true, MaxDelay = TimeSpan.FromDays(2) };

        var result = await _workflow.BookAsync(request);

        Assert.Equal(Natarajan, (string)PostedBodies[1]["provider_uuid"]!);
        Assert.Equal(Guid.Parse(Natarajan), result.Appointment.Provider.Uuid);
    }

    [Fact]
    public async Task Exhaustion_throws_SlotUnavailable_with_every_attempt_and_alternative()
    {
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", Conflict(SlotJson("2025-05-20T11:00:00", "2025-05-20T12:00:00")));
        PostAt(_harness, "2025-05-20T11:00:00", Conflict(SlotJson("2025-05-20T13:00:00", "2025-05-20T14:00:00")));
        PostAt(_harness, "2025-05-20T13:00:00", Conflict(SlotJson("2025-05-20T15:00:00", "2025-05-20T16:00:00")));
        var request = JaneNpeAtTen();
        request.Rebooking = new RebookingPolicy { MaxRebookAttempts = 2 };

        var error = await Assert.ThrowsAsync<SlotUnavailableException>(() => _workflow.BookAsync(request));

        Assert.Equal(new[] { new DateTime(2025, 5, 20, 10, 0, 0), new DateTime(2025, 5, 20, 11, 0, 0), new DateTime(2025, 5, 20, 13, 0, 0) }, error.Attempts.Select(a => a.Slot.ScheduledStart));
        Assert.All(error.Attempts, a => Assert.Equal(BookingAttemptOutcome.Conflict, a.Outcome));
        Assert.Equal(new[] { new DateTime(2025, 5, 20, 11, 0, 0), new DateTime(2025, 5, 20, 13, 0, 0), new DateTime(2025, 5, 20, 15, 0, 0) }, error.Alternatives.Select(s => s.ScheduledStart));
        Assert.IsType<NexGenSlotConflictException>(error.InnerException);
        Assert.Equal(3, PostedBodies.Count);
    }

    [Fact]
    public async Task No_fitting_slot_anywhere_throws_SlotUnavailable()
    {
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", Conflict());
        Availability(_harness);

        var error = await Assert.ThrowsAsync<SlotUnavailableException>(() => _workflow.BookAsync(JaneNpeAtTen()));

        Assert.Single(error.Attempts);
        Assert.Empty(error.Alternatives);
        Assert.Contains("no free slot fits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_matches_are_ambiguous_and_a_date_of_birth_disambiguates()
    {
        Search(_harness, "Smith", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen), PatientJson(Jonathan, "Jonathan", "1972-11-30", null)));
        PostAt(_harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Smith";

        var ambiguous = await Assert.ThrowsAsync<AmbiguousPatientException>(() => _workflow.BookAsync(request));
        request.PatientDateOfBirth = new DateTime(1986, 4, 12);
        var booked = await _workflow.BookAsync(request);

        Assert.Equal(new[] { Guid.Parse(Jane), Guid.Parse(Jonathan) }, ambiguous.Candidates.Select(c => c.Uuid));
        Assert.Equal("Jonathan", ambiguous.Candidates[1].FirstName);
        Assert.Equal(new DateTime(1972, 11, 30), ambiguous.Candidates[1].DateOfBirth);
        Assert.DoesNotContain("Jane", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal(Jane, (string)PostedBodies.Single()["patient_uuid"]!);
        Assert.NotNull(booked.Appointment);
    }

    [Fact]
    public async Task A_patient_met_on_two_pages_is_one_match()
    {
        // Offset paging: a Smith added between the two page requests pushes Jane, the last of page 1, onto page 2.
        var others = Enumerable.Range(0, 99).Select(i => PatientJson(Guid.NewGuid().ToString(), "Other" + i, "1970-01-01", Chen)).ToList();
        var page1 = $$"""{"items":[{{string.Join(",", others.Append(PatientJson(Jane, "Jane", "1986-04-12", Chen)))}}],"page":1,"page_size":100,"total":101}""";
        var page2 = $$"""{"items":[{{PatientJson(Jane, "Jane", "1986-04-12", Chen)}}],"page":2,"page_size":100,"total":101}""";
        IRequestBuilder SmithPage(string page) => Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/patients").WithParam("query", "Smith").WithParam("page", page);
        _harness.Server.Given(SmithPage("1")).RespondWith(SdkHarness.Json(200, page1));
        _harness.Server.Given(SmithPage("2")).RespondWith(SdkHarness.Json(200, page2));
        PostAt(_harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Smith";
        request.PatientDateOfBirth = new DateTime(1986, 4, 12);

        var booked = await _workflow.BookAsync(request);

        Assert.Equal(Jane, (string)PostedBodies.Single()["patient_uuid"]!);
        Assert.Equal(2, _harness.Requests.Count(r => r.Path.EndsWith("/patients", StringComparison.Ordinal)));
        Assert.NotNull(booked.Appointment);
    }

    [Fact]
    public async Task Nobody_found_is_PatientNotFound_unless_the_request_can_create_the_patient()
    {
        Search(_harness, "Nobody", Page());
        _harness.Server.Given(Request.Create().UsingPost().WithPath($"/api/v1/{SdkHarness.Org}/patients"))
            .RespondWith(SdkHarness.Json(201, PatientJson("77777777-e5f6-4890-abcd-ef1234567890", "Nobody", "1990-01-01", null)));
        PostAt(_harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Nobody";
        request.ProviderUuid = Guid.Parse(Chen);

        await Assert.ThrowsAsync<PatientNotFoundException>(() => _workflow.BookAsync(request));
        request.CreatePatientIfMissing = new PatientCreate { FirstName = "Nobody", LastName = "Smith", DateOfBirth = new DateTime(1990, 1, 1) };
        await _workflow.BookAsync(request);

        var create = _harness.Requests.Single(r => r.Method == "POST" && r.AbsolutePath.EndsWith("/patients", StringComparison.Ordinal));
        var key = create.Headers!["Idempotency-Key"].Single();
        Assert.EndsWith("/patient", key, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(key[..^"/patient".Length], out _));
        Assert.Equal("77777777-e5f6-4890-abcd-ef1234567890", (string)PostedBodies.Last()["patient_uuid"]!);
    }

    [Fact]
    public async Task No_provider_and_no_preferred_provider_is_a_clear_error()
    {
        Search(_harness, "Jonathan", Page(PatientJson(Jonathan, "Jonathan", "1972-11-30", null)));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Jonathan";

        var error = await Assert.ThrowsAsync<ProviderNotSpecifiedException>(() => _workflow.BookAsync(request));

        Assert.Equal(Guid.Parse(Jonathan), error.PatientUuid);
        Assert.DoesNotContain(_harness.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task An_empty_preferred_provider_from_the_server_is_refused_before_anything_is_posted()
    {
        Search(_harness, "Jonathan", Page(PatientJson(Jonathan, "Jonathan", "1972-11-30", Guid.Empty.ToString())));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Jonathan";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _workflow.BookAsync(request));

        Assert.Equal("appointment.ProviderUuid", error.ParamName);
        Assert.DoesNotContain(_harness.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_type_of_zero_minutes_from_the_server_is_refused_before_anything_is_posted()
    {
        // The spec says at least 1 minute; a server that sends 0 must not get an appointment that ends as it starts.
        var types = JObject.Parse(TypesJson());
        types["items"]!.Single(t => (string)t["uuid"]! == Npe)["duration_minutes"] = 0;
        _harness.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/appointment-types"))
            .RespondWith(SdkHarness.Json(200, types.ToString()));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _workflow.BookAsync(JaneNpeAtTen()));

        Assert.Equal("appointment.ScheduledEnd", error.ParamName);
        Assert.DoesNotContain(_harness.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task An_inactive_type_is_refused_and_an_unknown_one_after_exactly_one_refresh()
    {
        await WarmCacheAsync();
        var inactive = JaneNpeAtTen();
        inactive.AppointmentTypeCode = "ARC";
        var unknown = JaneNpeAtTen();
        unknown.AppointmentTypeCode = "XYZ";

        var refused = await Assert.ThrowsAsync<AppointmentTypeUnavailableException>(() => _workflow.BookAsync(inactive));
        var missing = await Assert.ThrowsAsync<AppointmentTypeUnavailableException>(() => _workflow.BookAsync(unknown));

        Assert.True(refused.IsInactive);
        Assert.False(missing.IsInactive);
        Assert.Single(_harness.Requests, r => r.AbsolutePath.EndsWith("/appointment-types", StringComparison.Ordinal));
        Assert.DoesNotContain(_harness.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_type_created_after_the_cache_was_filled_is_found_by_the_one_refresh()
    {
        await WarmCacheAsync();
        Types(_harness, includeNewType: true);
        PostAt(_harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T10:15:00"));
        var request = JaneNpeAtTen();
        request.AppointmentTypeCode = "NEW";

        var result = await _workflow.BookAsync(request);

        Assert.Equal(3, result.HttpRequestCount);
        Assert.Equal("2025-05-20T10:15:00", (string)PostedBodies.Single()["scheduled_end"]!);
    }

    [Fact]
    public async Task A_422_surfaces_as_the_validation_exception_without_retry()
    {
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", SdkHarness.Json(422, $$$"""{"type":"{{{ProblemTypes.ValidationError}}}","title":"Validation failed","status":422,"errors":{"provider_uuid":["is not bookable at this site"]}}""", "application/problem+json"));

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => _workflow.BookAsync(JaneNpeAtTen()));

        Assert.Equal(new[] { "is not bookable at this site" }, error.Errors["provider_uuid"]);
        Assert.Single(PostedBodies);
    }

    [Fact]
    public async Task A_booking_answered_with_a_success_the_contract_does_not_document_is_that_violation_not_an_unknown_outcome()
    {
        // The server took the booking; a rerun under the same key would only replay this 200.
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", SdkHarness.Json(200, AppointmentJson("2025-05-20T10:00:00", "2025-05-20T11:00:00")));

        var error = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _workflow.BookAsync(JaneNpeAtTen()));

        Assert.Equal(("createAppointment", "undocumented-status", 200), (error.Operation, error.Kind, error.StatusCode));
        Assert.Single(PostedBodies);
    }

    [Fact]
    public async Task A_503_after_the_POST_is_retried_with_the_same_key()
    {
        await WarmCacheAsync();
        _harness.RespondInSequence(Request.Create().UsingPost(), SdkHarness.Problem(503, "server-error", "Unavailable"), Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));

        var result = await _workflow.BookAsync(JaneNpeAtTen());

        Assert.Equal(2, PostedKeys.Count);
        Assert.Equal(PostedKeys[0], PostedKeys[1]);
        Assert.Single(result.Attempts);
        // The search, the two sends, and the look for a duplicate a server may make of a resent POST (DoubleBookingServerTests).
        Assert.Equal(4, result.HttpRequestCount);
    }

    [Fact]
    public async Task A_longer_explicit_end_is_kept_across_a_rebook()
    {
        await WarmCacheAsync();
        PostAt(_harness, "2025-05-20T10:00:00", Conflict(SlotJson("2025-05-20T13:00:00", "2025-05-20T14:00:00")));
        PostAt(_harness, "2025-05-20T13:00:00", Created("2025-05-20T13:00:00", "2025-05-20T14:30:00"));
        var request = JaneNpeAtTen();
        request.End = WorkflowStub.TenAm.AddMinutes(90);

        await _workflow.BookAsync(request);

        Assert.Equal("2025-05-20T11:30:00", (string)PostedBodies[0]["scheduled_end"]!);
        Assert.Equal("2025-05-20T14:30:00", (string)PostedBodies[1]["scheduled_end"]!);
    }

    [Fact]
    public async Task Cancellation_stops_the_workflow_before_the_POST()
    {
        using var cancellation = new CancellationTokenSource();
        _harness.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/patients").WithParam("query", "Slow"))
            .RespondWith(SdkHarness.Json(200, Page(PatientJson(Jane, "Jane", "1986-04-12", Chen))));
        var held = _harness.Hold(r => r.RequestUri!.AbsolutePath.EndsWith("/patients", StringComparison.Ordinal));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Slow";

        // Cancelled while the patient search waits for its answer.
        var booking = _workflow.BookAsync(request, cancellation.Token);
        await held.WhenHoldingAsync(1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => booking.WaitAsync(Waiting.Patience));
        held.Release();
        Assert.DoesNotContain(_harness.Requests, r => r.Method == "POST");
    }

    [Theory]
    [InlineData("request.PatientQuery")]
    [InlineData("request.AppointmentTypeCode")]
    [InlineData("request.LocationUuid")]
    [InlineData("request.Start")]
    [InlineData("request.End")]
    [InlineData("request.Rebooking.MaxRebookAttempts")]
    [InlineData("request.Rebooking.MaxDelay")]
    public async Task A_bad_request_is_rejected_before_any_request(string parameter)
    {
        var request = JaneNpeAtTen();
        switch (parameter)
        {
            case "request.PatientQuery": request.PatientUuid = Guid.Parse(Jane); break;
            case "request.AppointmentTypeCode": request.AppointmentTypeCode = null; break;
            case "request.LocationUuid": request.LocationUuid = Guid.Empty; break;
            case "request.Start": request.Start = DateTime.SpecifyKind(request.Start, DateTimeKind.Utc); break;
            case "request.End": request.End = request.Start; break;
            case "request.Rebooking.MaxRebookAttempts": request.Rebooking.MaxRebookAttempts = -1; break;
            case "request.Rebooking.MaxDelay": request.Rebooking.MaxDelay = TimeSpan.FromDays(32); break;
        }

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _workflow.BookAsync(request));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(_harness.Requests);
    }

    public void Dispose() => _harness.Dispose();
}
