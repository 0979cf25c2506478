using Dentally.NexGen.Client.Tests.Contract;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// Issue 25, part 3: a response that differs from the contract is reported as it is met. A new member or
/// value is read as before and logged at Warning and counted once per operation and JSON path; a missing
/// or mistyped member is <see cref="NexGenContractViolationException"/>; paths and kinds only, never a value.
/// </summary>
[Collection(DriftCounterTests.Name)]
public sealed class ProductionDriftTests : IDisposable
{
    private const string DriftEvent = "NexGenContractDrift";
    private static readonly Guid AppointmentUuid = Guid.Parse("e5f6a7b8-c9d0-1234-efab-345678901234");

    private readonly DriftMeasurements _counter = new();
    private SdkHarness _harness = new();

    [Fact]
    public async Task A_new_member_in_every_item_of_a_page_is_read_and_reported_once_for_the_operation()
    {
        Answer(GuideJson.PatientSearch.Replace("\"last_name\": \"Smith\",", "\"last_name\": \"Smith\", \"nickname\": \"Janey\",", StringComparison.Ordinal));

        for (var call = 0; call < 3; call++)
        {
            var page = await _harness.Client.Patients.SearchAsync("smith");
            Assert.Equal("Janey", page.Items[0].AdditionalProperties["nickname"]?.ToString());
        }

        var warning = Assert.Single(DriftLogs());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("searchPatients", State(warning, "Operation"));
        Assert.Equal("$.items[*].nickname", State(warning, "JsonPath"));
        Assert.Equal("undocumented-member", State(warning, "DriftKind"));
        Assert.Equal("additive", State(warning, "DriftClass"));
        var measurement = Assert.Single(_counter.All);
        Assert.Equal("searchPatients", measurement[NexGenDiagnostics.OperationTag]);
        Assert.Equal("additive", measurement[NexGenDiagnostics.DriftClassTag]);
        Assert.Equal("undocumented-member", measurement[NexGenDiagnostics.DriftKindTag]);
        AssertNoValueLogged("Janey", "Jane", "Smith");
    }

    [Fact]
    public async Task A_new_member_whose_name_holds_a_dot_or_brackets_is_one_member_in_its_path()
    {
        Answer(GuideJson.PatientSearch.Replace("\"last_name\": \"Smith\",", "\"last_name\": \"Smith\", \"alias.short\": \"J\", \"tags[0]\": \"x\",", StringComparison.Ordinal));

        await _harness.Client.Patients.SearchAsync("smith");

        var reported = DriftLogs().Select(r => State(r, "JsonPath")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["$.items[*]['alias.short']", "$.items[*]['tags[*]']"], reported);
    }

    [Fact]
    public async Task Each_new_path_and_a_new_status_are_reported_once_each_and_the_status_passes_through()
    {
        Answer(GuideJson.Confirmation
            .Replace("\"status\": \"scheduled\"", "\"status\": \"no_show\", \"no_show_reason\": \"did not attend\"", StringComparison.Ordinal)
            .Replace("\"last_name\": \"Smith\"", "\"last_name\": \"Smith\", \"middle_name\": \"Ann-Marie\"", StringComparison.Ordinal));

        for (var call = 0; call < 2; call++)
        {
            var appointment = await _harness.Client.Appointments.GetAsync(AppointmentUuid);
            Assert.Equal("no_show", appointment.Status);
            Assert.Equal("Ann-Marie", appointment.Patient.AdditionalProperties["middle_name"]?.ToString());
        }

        var reported = DriftLogs().Select(r => (State(r, "JsonPath"), State(r, "DriftKind"))).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("$.no_show_reason", "undocumented-member"), ("$.patient.middle_name", "undocumented-member"), ("$.status", "new-enum-value")],
            reported);
        Assert.Equal(3, _counter.All.Count);
        Assert.All(_counter.All, m => Assert.Equal("getAppointment", m[NexGenDiagnostics.OperationTag]));
        AssertNoValueLogged("did not attend", "Ann-Marie");
    }

    [Fact]
    public async Task A_response_that_matches_the_contract_reports_nothing()
    {
        Answer(GuideJson.Confirmation);

        await _harness.Client.Appointments.GetAsync(AppointmentUuid);

        Assert.Empty(DriftLogs());
        Assert.Empty(_counter.All);
    }

    [Fact]
    public async Task A_missing_required_member_is_a_typed_exception_naming_operation_path_and_request_id()
    {
        Answer(GuideJson.PatientSearch.Replace("\"last_name\": \"Smith\",\n\"date_of_birth\": \"1972-11-30\",", "\"date_of_birth\": \"1972-11-30\",", StringComparison.Ordinal));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _harness.Client.Patients.SearchAsync("smith"));

        Assert.Equal("searchPatients", exception.Operation);
        Assert.Equal("$.items[1].last_name", exception.Path);
        Assert.Equal("missing-required-member", exception.Kind);
        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("req_200", exception.RequestId);
        Assert.Contains("searchPatients", exception.Message, StringComparison.Ordinal);
        Assert.Contains("$.items[1].last_name", exception.Message, StringComparison.Ordinal);
        Assert.Contains("req_200", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jonathan", exception.ToString(), StringComparison.Ordinal);
        var warning = Assert.Single(DriftLogs());
        Assert.Equal("$.items[*].last_name", State(warning, "JsonPath"));
        Assert.Equal("breaking", State(warning, "DriftClass"));
        Assert.Equal("breaking", Assert.Single(_counter.All)[NexGenDiagnostics.DriftClassTag]);
    }

    [Fact]
    public async Task A_null_item_in_a_page_is_a_typed_exception_naming_its_path()
    {
        Answer(GuideJson.PatientSearch.Replace("\"items\": [\n{", "\"items\": [\nnull,\n{", StringComparison.Ordinal));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _harness.Client.Patients.SearchAsync("smith"));

        Assert.Equal("searchPatients", exception.Operation);
        Assert.Equal("$.items[0]", exception.Path);
        Assert.Equal("type-changed", exception.Kind);
        Assert.Equal("req_200", exception.RequestId);
        AssertNoValueLogged("Jane", "Jonathan");
    }

    [Theory]
    [InlineData("\"duration_minutes\": 60", "\"duration_minutes\": \"sixty-secret\"", "$.appointment_type.duration_minutes")]
    [InlineData("\"scheduled_start\": \"2025-05-20T10:00:00\"", "\"scheduled_start\": \"sixty-secret\"", "$.scheduled_start")]
    [InlineData("\"status\": \"scheduled\"", "\"status\": {\"code\": \"sixty-secret\"}", "$.status")]
    [InlineData("\"status\": \"scheduled\"", "\"status\": null", "$.status")]
    public async Task A_member_of_another_type_is_a_typed_exception_without_the_value(string documented, string drifted, string path)
    {
        Answer(GuideJson.Confirmation.Replace(documented, drifted, StringComparison.Ordinal));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal("getAppointment", exception.Operation);
        Assert.Equal(path, exception.Path);
        Assert.Equal("type-changed", exception.Kind);
        Assert.Equal("req_200", exception.RequestId);
        Assert.Null(exception.InnerException);
        Assert.DoesNotContain("sixty-secret", exception.ToString(), StringComparison.Ordinal);
        AssertNoValueLogged("sixty-secret", "Jane");
    }

    [Theory]
    [InlineData("2025-05-10T14:32:00")]
    [InlineData("2025-05-10 14:32:00")]
    public async Task An_instant_without_its_UTC_offset_is_a_typed_exception_not_a_time_in_the_machines_zone(string instant)
    {
        // Read as before, it took the machine's offset: 14:32 in New York is 18:32 UTC, not the server's 14:32Z.
        Answer(GuideJson.Confirmation.Replace("\"created_at\": \"2025-05-10T14:32:00Z\"", $"\"created_at\": \"{instant}\"", StringComparison.Ordinal));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal(("getAppointment", "$.created_at", "type-changed"), (exception.Operation, exception.Path, exception.Kind));
        Assert.Equal("breaking", State(Assert.Single(DriftLogs()), "DriftClass"));
    }

    [Fact]
    public async Task An_instant_with_an_offset_other_than_Z_is_read_with_that_offset()
    {
        Answer(GuideJson.Confirmation.Replace("\"created_at\": \"2025-05-10T14:32:00Z\"", "\"created_at\": \"2025-05-10T15:32:00.5+01:00\", \"updated_at\": null", StringComparison.Ordinal));

        var appointment = await _harness.Client.Appointments.GetAsync(AppointmentUuid);

        Assert.Equal(new DateTimeOffset(2025, 5, 10, 15, 32, 0, 500, TimeSpan.FromHours(1)), appointment.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(1), appointment.CreatedAt.Offset);
        Assert.Null(appointment.UpdatedAt);
        Assert.Empty(DriftLogs());
    }

    [Fact]
    public void A_converter_for_instants_in_the_settings_own_still_reads_and_writes_them()
    {
        // As the sandbox does: the SDK's settings plus a converter of its own, which the strict reading must not hide.
        var settings = Serialization.NexGenJsonSettings.Apply(new Newtonsoft.Json.JsonSerializerSettings());
        settings.Converters.Add(new OwnInstants());

        var read = Newtonsoft.Json.JsonConvert.DeserializeObject<Appointment>(GuideJson.Confirmation.Replace("\"created_at\": \"2025-05-10T14:32:00Z\"", "\"created_at\": \"own\"", StringComparison.Ordinal), settings)!;

        Assert.Equal(OwnInstants.Instant, read.CreatedAt);
        Assert.Contains("\"created_at\":\"own\"", Newtonsoft.Json.JsonConvert.SerializeObject(read, settings), StringComparison.Ordinal);
    }

    private sealed class OwnInstants : Newtonsoft.Json.JsonConverter
    {
        public static readonly DateTimeOffset Instant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

        public override object? ReadJson(Newtonsoft.Json.JsonReader reader, Type objectType, object? existingValue, Newtonsoft.Json.JsonSerializer serializer) => Instant;

        public override void WriteJson(Newtonsoft.Json.JsonWriter writer, object? value, Newtonsoft.Json.JsonSerializer serializer) => writer.WriteValue("own");
    }

    [Theory]
    [InlineData(202)]
    [InlineData(200)]
    public async Task A_success_status_the_contract_does_not_document_is_a_violation_saying_the_booking_was_made(int status)
    {
        // createAppointment documents 201: a 202 or 200 was the generated code's bare "status code was not expected", unreported.
        _harness.Server.Given(Request.Create().UsingPost()).RespondWith(SdkHarness.Json(status, GuideJson.Confirmation));
        var booking = new NewAppointment
        {
            PatientUuid = Guid.NewGuid(),
            AppointmentTypeUuid = Guid.NewGuid(),
            LocationUuid = Guid.NewGuid(),
            ProviderUuid = Guid.NewGuid(),
            ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
            ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        };

        for (var call = 0; call < 2; call++)
        {
            var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _harness.Client.Appointments.CreateAsync(booking, "key-1"));
            Assert.Equal(("createAppointment", "status", "undocumented-status", status, $"req_{status}"), (exception.Operation, exception.Path, exception.Kind, exception.StatusCode, exception.RequestId));
            Assert.Contains("the server accepted the request", exception.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, _harness.Requests.Count(r => r.Method == "POST"));
        var warning = Assert.Single(DriftLogs());
        Assert.Equal(("createAppointment", "status", "undocumented-status", "breaking"), (State(warning, "Operation"), State(warning, "JsonPath"), State(warning, "DriftKind"), State(warning, "DriftClass")));
        Assert.Single(_counter.All);
    }

    [Fact]
    public async Task A_204_where_the_contract_documents_a_body_is_a_violation_too()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(204).WithHeader("X-Request-Id", "req_204"));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal(("getAppointment", "undocumented-status", 204, "req_204"), (exception.Operation, exception.Kind, exception.StatusCode, exception.RequestId));
    }

    [Fact]
    public async Task A_404_without_a_problem_body_is_reported_as_drift_once_so_a_moved_URL_is_seen()
    {
        // A gateway's page for a path the API no longer has: still a NexGenNotFoundException, but not the API's own not-found.
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(404, "<html>Not Found</html>", "text/html"));

        for (var call = 0; call < 2; call++)
        {
            await Assert.ThrowsAsync<NexGenNotFoundException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));
        }

        var warning = Assert.Single(DriftLogs());
        Assert.Equal(("getAppointment", "header Content-Type", "media-type-changed", "breaking"), (State(warning, "Operation"), State(warning, "JsonPath"), State(warning, "DriftKind"), State(warning, "DriftClass")));
        Assert.Single(_counter.All);
    }

    [Theory]
    [InlineData("DPoP algs=\"ES256\"", "security-changed")]
    [InlineData("Bearer error=\"invalid_token\"", null)]
    public async Task A_401_asking_for_another_scheme_than_Bearer_is_drift_an_expired_token_is_not(string challenge, string? kind)
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized").WithHeader("WWW-Authenticate", challenge));

        await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal(kind is null ? [] : [("header WWW-Authenticate", kind, "breaking")], DriftLogs().Select(r => (State(r, "JsonPath"), State(r, "DriftKind"), State(r, "DriftClass"))));
        Assert.DoesNotContain(SdkHarness.Token, string.Join("\n", _harness.Logs.GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_without_WWW_Authenticate_is_drift_reported_once_ending_with_the_tenant_never_the_token()
    {
        // RFC 9110 requires a challenge on a 401, and the contract documents it: nexgen check reports its absence too.
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));

        for (var call = 0; call < 2; call++)
        {
            await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));
        }

        var warning = Assert.Single(DriftLogs());
        Assert.Equal(("getAppointment", "header WWW-Authenticate", "semantic-broken", "breaking"), (State(warning, "Operation"), State(warning, "JsonPath"), State(warning, "DriftKind"), State(warning, "DriftClass")));
        Assert.EndsWith($"(organisation {SdkHarness.Org}, practice {SdkHarness.Practice})", warning.Message, StringComparison.Ordinal);
        var measurement = Assert.Single(_counter.All);
        Assert.Equal("semantic-broken", measurement[NexGenDiagnostics.DriftKindTag]);
        Assert.DoesNotContain(SdkHarness.Token, string.Join("\n", _harness.Logs.GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_without_a_challenge_does_not_hide_a_later_one_asking_for_another_scheme()
    {
        // Both at header WWW-Authenticate, both breaking: before, the first (a gateway's bare 401) hid the move to DPoP.
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));
        _harness.Server.Reset();
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized").WithHeader("WWW-Authenticate", "DPoP algs=\"ES256\""));
        await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal(["semantic-broken", "security-changed"], DriftLogs().Select(r => State(r, "DriftKind")));
    }

    [Fact]
    public async Task An_error_status_the_operation_does_not_document_is_drift_and_still_a_typed_exception()
    {
        // A path the API retired: getAppointment documents no 410.
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(410, "gone", "Gone"));

        var exception = await Assert.ThrowsAsync<NexGenApiException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal((410, "req_410"), (exception.StatusCode, exception.RequestId));
        var warning = Assert.Single(DriftLogs());
        Assert.Equal(("getAppointment", "status", "undocumented-status", "breaking"), (State(warning, "Operation"), State(warning, "JsonPath"), State(warning, "DriftKind"), State(warning, "DriftClass")));
    }

    [Fact]
    public async Task A_redirect_the_SDK_does_not_follow_is_drift_a_moved_URL()
    {
        // The contract has no redirect: the API moved (to /api/v2, say), and the SDK's transport follows none.
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(308).WithHeader("Location", "https://elsewhere.example/api/v2/x").WithHeader("X-Request-Id", "req_308"));

        var exception = await Assert.ThrowsAsync<NexGenApiException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal((308, "req_308"), (exception.StatusCode, exception.RequestId));
        Assert.Contains(("status", "undocumented-status", "breaking"), DriftLogs().Select(r => (State(r, "JsonPath"), State(r, "DriftKind"), State(r, "DriftClass"))));
    }

    [Theory]
    [InlineData(404, "not-found")]
    [InlineData(408, null)]
    [InlineData(429, null)]
    [InlineData(503, null)]
    public async Task An_error_the_contract_documents_or_a_proxy_sends_is_not_drift(int status, string? problemType)
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(problemType is null
            ? WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html").WithBody("<html>busy</html>")
            : SdkHarness.Problem(status, problemType, "Not found"));

        await Assert.ThrowsAnyAsync<NexGenApiException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Empty(DriftLogs());
        Assert.Empty(_counter.All);
    }

    [Fact]
    public async Task With_reporting_off_nothing_is_logged_or_counted_and_calls_behave_the_same()
    {
        _harness.Dispose();
        _harness = new SdkHarness(o => o.ReportContractDrift = false);
        Answer(GuideJson.Confirmation.Replace("\"status\": \"scheduled\"", "\"status\": \"no_show\", \"no_show_reason\": \"x\"", StringComparison.Ordinal));

        var appointment = await _harness.Client.Appointments.GetAsync(AppointmentUuid);

        Assert.Equal("no_show", appointment.Status);
        Assert.Empty(DriftLogs());
        Assert.Empty(_counter.All);

        _harness.Server.Reset();
        Answer(GuideJson.Confirmation.Replace("\"scheduled_start\": \"2025-05-20T10:00:00\",", string.Empty, StringComparison.Ordinal));
        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _harness.Client.Appointments.GetAsync(AppointmentUuid));
        Assert.Equal("$.scheduled_start", exception.Path);
        Assert.Empty(DriftLogs());
        Assert.Empty(_counter.All);
    }

    [Fact]
    public void The_paths_remembered_are_bounded_so_a_server_cannot_grow_memory_or_the_log_without_end()
    {
        var logs = new FakeLogCollector();
        var reporter = new ContractDriftReporter(new FakeLogger(logs), enabled: true, new ContractDriftPaths());

        for (var i = 0; i < ContractDriftPaths.MaxPaths + 50; i++)
        {
            reporter.Report(request: null, "getAppointment", new ContractDriftFinding("undocumented-member", "$.member_" + i), "additive");
            reporter.Report(request: null, "getAppointment", new ContractDriftFinding("undocumented-member", "$.member_" + i), "additive");
        }

        Assert.Equal(ContractDriftPaths.MaxPaths, logs.Count);
        Assert.Equal(ContractDriftPaths.MaxPaths, _counter.All.Count);
    }

    [Fact]
    public async Task Clients_built_from_the_same_options_report_a_path_once_between_them()
    {
        // An app that builds a client per request from its one options object, and the handler chains
        // IHttpClientFactory rotates on netstandard2.0, must not log the same drift again and again.
        Answer(GuideJson.Confirmation.Replace("\"status\": \"scheduled\"", "\"status\": \"no_show\"", StringComparison.Ordinal));

        await _harness.Client.Appointments.GetAsync(AppointmentUuid);
        await new NexGenClient(_harness.Options, _harness.Transport, _harness.LoggerFactory).Appointments.GetAsync(AppointmentUuid);

        Assert.Equal("$.status", State(Assert.Single(DriftLogs()), "JsonPath"));
        Assert.Single(_counter.All);
    }

    public void Dispose()
    {
        _counter.Dispose();
        _harness.Dispose();
    }

    private static string? State(FakeLogRecord record, string key)
        => record.StructuredState?.FirstOrDefault(s => s.Key == key).Value;

    private void Answer(string body)
        => _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, body));

    private List<FakeLogRecord> DriftLogs() => _harness.Logs.GetSnapshot().Where(r => r.Id.Name == DriftEvent).ToList();

    private void AssertNoValueLogged(params string[] values)
    {
        var logged = _harness.Logs.GetSnapshot()
            .SelectMany(r => new[] { r.Message, string.Join(";", r.StructuredState?.Select(s => s.Value) ?? []), r.Exception?.ToString() ?? string.Empty })
            .ToList();
        foreach (var value in values)
        {
            Assert.DoesNotContain(logged, line => line.Contains(value, StringComparison.Ordinal));
        }
    }
}
