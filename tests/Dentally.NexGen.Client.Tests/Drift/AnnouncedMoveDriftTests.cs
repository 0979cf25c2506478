using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// The moves the API's portal announces — URLs, and a redesigned Patients surface — met in production: never a
/// silently wrong result (a search answering every patient, a booking for someone else), and a message that says what moved.
/// </summary>
public sealed class AnnouncedMoveDriftTests : DriftTestBase
{
    private const string PatientsPath = "/api/v1/" + SdkHarness.Org + "/patients";

    /// <summary>A server that no longer takes <c>query</c> (renamed, or ignored): every patient, whatever was asked.</summary>
    private void SearchIgnoresQuery()
        => Harness.Server.Given(Request.Create().UsingGet().WithPath(PatientsPath))
            .RespondWith(SdkHarness.Json(200, Page(PatientJson(Jane, "Jane", "1986-04-12", Chen), PatientJson(Jonathan, "Tom", "1986-04-12", Chen).Replace("Smith", "Brown", StringComparison.Ordinal))));

    [Fact]
    public async Task A_search_answered_with_no_patient_the_query_can_match_is_a_violation_not_a_list()
    {
        Harness.Server.Given(Request.Create().UsingGet().WithPath(PatientsPath))
            .RespondWith(SdkHarness.Json(200, Page(PatientJson(Jonathan, "Tom", "1986-04-12", Chen).Replace("Smith", "Brown", StringComparison.Ordinal), PatientJson(Natarajan, "Ann", "1990-01-01", Chen))));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => Harness.Client.Patients.SearchAsync("Jane"));

        Assert.Equal(("searchPatients", "$.items[0]", "query-ignored", "req_200"), (exception.Operation, exception.Path, exception.Kind, exception.RequestId));
        Assert.Contains("ignored query", exception.Message, StringComparison.Ordinal);
        Assert.Equal([("searchPatients", "parameter query query", "query-ignored", "breaking")], DriftLog.Of(Harness));
        Assert.DoesNotContain("Tom", exception.ToString(), StringComparison.Ordinal);
        DriftLog.AssertNoValueLogged(Harness, "Tom", "Brown", "Ann", "Jane");
    }

    [Fact]
    public async Task A_search_answered_with_a_patient_the_query_cannot_match_beside_one_it_can_is_read_and_reported_as_breaking()
    {
        // A server may match more than the contract says (a former surname): the page is the caller's, with a report.
        SearchIgnoresQuery();

        var page = await Harness.Client.Patients.SearchAsync("Jane");

        Assert.Equal(2, page.Items.Count);
        Assert.Equal([("searchPatients", "parameter query query", "query-ignored", "breaking")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, "Tom", "Brown", "Jane");
    }

    [Fact]
    public async Task A_search_answered_with_only_patients_holding_one_word_of_two_books_none_of_them()
    {
        // A conforming server matching either word answers "Jane Smith" with Jane Doe when no Jane Smith exists:
        // she is not the patient asked for, even alone.
        Types(Harness);
        Answer(Page(PatientJson(Jane, "Jane", "1986-04-12", Chen).Replace("Smith", "Doe", StringComparison.Ordinal)));
        PostAt(Harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Jane Smith";

        await Assert.ThrowsAsync<PatientNotFoundException>(() => new BookingWorkflow(Harness.Client).BookAsync(request));

        Assert.DoesNotContain(Harness.Requests, r => r.Method == "POST");
        Assert.Empty(DriftLog.Of(Harness));
    }

    [Fact]
    public async Task A_patient_to_create_if_missing_is_created_when_the_one_found_holds_the_words_but_is_another_name()
    {
        // "Smith" is in Jane Smithson's name, but she is not the Jane Smith the request would create.
        Types(Harness);
        Answer(Page(PatientJson(Jane, "Jane", "1986-04-12", Chen).Replace("Smith", "Smithson", StringComparison.Ordinal)));
        Harness.Server.Given(Request.Create().UsingPost().WithPath(PatientsPath))
            .RespondWith(SdkHarness.Json(201, PatientJson(Natarajan, "Jane", "1990-01-01", null)));
        PostAt(Harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Jane Smith";
        request.ProviderUuid = Guid.Parse(Chen);
        request.CreatePatientIfMissing = new PatientCreate { FirstName = "Jane", LastName = "Smith", DateOfBirth = new DateTime(1990, 1, 1) };

        await new BookingWorkflow(Harness.Client).BookAsync(request);

        Assert.Single(Harness.Requests, r => r.Method == "POST" && r.Path == PatientsPath);
        var booking = Assert.Single(Harness.Requests, r => r.Method == "POST" && r.Path != PatientsPath);
        Assert.Contains($"\"patient_uuid\":\"{Natarajan}\"", booking.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jane smith", "Jane", "Smith")]
    [InlineData("Smith, Jane", "Jane", "Smith")]
    [InlineData("jan smi", "Jane", "Smith")]
    [InlineData("obrien", "Pat", "O'Brien")]
    public async Task A_patient_whose_name_holds_every_word_of_the_query_is_booked(string query, string first, string last)
    {
        Types(Harness);
        Answer(Page(PatientJson(Jane, first, "1986-04-12", Chen).Replace("Smith", last, StringComparison.Ordinal)));
        PostAt(Harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = query;

        await new BookingWorkflow(Harness.Client).BookAsync(request);

        var post = Assert.Single(Harness.Requests, r => r.Method == "POST");
        Assert.Contains($"\"patient_uuid\":\"{Jane}\"", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_ignoring_its_query_books_nobody_where_the_date_of_birth_would_have_picked_someone_else()
    {
        // Jane Smith is searched for with her date of birth; the server ignores the query and answers the
        // practice's patients, and Tom Brown was born the same day: once, he was booked.
        Types(Harness);
        Harness.Server.Given(Request.Create().UsingGet().WithPath(PatientsPath))
            .RespondWith(SdkHarness.Json(200, Page(PatientJson(Jonathan, "Tom", "1986-04-12", Chen).Replace("Smith", "Brown", StringComparison.Ordinal), PatientJson(Natarajan, "Ann", "1990-01-01", Chen))));
        PostAt(Harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var request = JaneNpeAtTen();
        request.PatientQuery = "Jane Smith";
        request.PatientDateOfBirth = new DateTime(1986, 4, 12);

        // Ann Smith holds a word of the query, so the page is read and reported; Tom Brown, born that day, holds
        // neither word and is not booked.
        await Assert.ThrowsAsync<PatientNotFoundException>(() => new BookingWorkflow(Harness.Client).BookAsync(request));

        Assert.DoesNotContain(Harness.Requests, r => r.Method == "POST");
        Assert.Equal([("searchPatients", "parameter query query", "query-ignored", "breaking")], DriftLog.Of(Harness));
    }

    [Theory]
    [InlineData("Jane Smith", "Jane", "Jonathan")]
    [InlineData("smi", "Jane", "Jonathan")]
    [InlineData("Smith, Jane", "Jane", "Jonathan")]
    [InlineData("jose", "José", "JOSE")]
    [InlineData("janesm", "Jane", "Jane")]
    public async Task A_search_answered_with_every_word_partial_or_accent_free_matches_is_read_as_before(string query, string first, string second)
    {
        // An "either word" server (the independent one) answers Jane Smith with Jonathan Smith too; a server may match accents loosely.
        Answer(Page(PatientJson(Jane, first, "1986-04-12", Chen), PatientJson(Jonathan, second, "1990-01-01", null)));

        var page = await Harness.Client.Patients.SearchAsync(query);

        Assert.Equal(2, page.Items.Count);
        Assert.Empty(DriftLog.Of(Harness));
    }

    [Fact]
    public async Task A_redirect_says_where_the_operation_moved_without_the_query_and_is_reported_as_a_status_only()
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(308)
            .WithHeader("Location", "https://user:pw@api2.example.com/v3/patients?query=Jane").WithHeader("X-Request-Id", "req_308"));

        var exception = await Assert.ThrowsAsync<NexGenApiException>(() => Harness.Client.Patients.SearchAsync("Jane"));

        Assert.Equal((308, "req_308"), (exception.StatusCode, exception.RequestId));
        Assert.Contains("moved the operation to https://api2.example.com/v3/patients:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", exception.Message, StringComparison.Ordinal);
        Assert.Equal([("searchPatients", "status", "undocumented-status", "breaking")], DriftLog.Of(Harness));
    }

    [Fact]
    public async Task A_401_asking_for_another_scheme_says_the_authentication_changed_not_just_unauthorized()
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized").WithHeader("WWW-Authenticate", "DPoP algs=\"ES256\""));

        var exception = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal((401, "req_401"), (exception.StatusCode, exception.RequestId));
        Assert.Contains("asks for DPoP authentication, not the Bearer token the SDK sends", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SdkHarness.Token, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Bearer_401_naming_protected_resource_metadata_says_where_tokens_now_come_from_and_is_info_drift()
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized")
            .WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", resource_metadata=\"https://api2.example.com/.well-known/oauth-protected-resource?tenant=x\""));

        var exception = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Contains("protected-resource metadata at https://api2.example.com/.well-known/oauth-protected-resource:", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant=x", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SdkHarness.Token, exception.ToString(), StringComparison.Ordinal);
        Assert.Equal([("getAppointment", "header WWW-Authenticate", "security-changed", "info")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, SdkHarness.Token);
    }
}
