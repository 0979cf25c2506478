using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;
using Newtonsoft.Json.Linq;
using WireMock.Matchers;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>
/// A server that drifts from the contract in one way at a time (the sandbox with one answer replaced):
/// the check reports that one difference, once, with its class, kind and path — and no value from
/// the record it was found in.
/// </summary>
public sealed class DriftReportTests : IAsyncDisposable
{
    private static readonly string Jane = SandboxSeed.JaneSmith.ToString();
    private readonly SandboxFixture _fixture = new();

    [Fact]
    public async Task A_member_the_contract_does_not_know_is_additive()
    {
        var site = await _fixture.GetJsonAsync($"/v2/sites/{SandboxSeed.MainStreetDental}");
        site["parking_spaces"] = 12;
        _fixture.Serve($"/v2/sites/{SandboxSeed.MainStreetDental}", 200, site);

        await AssertOnlyAsync("getSite", "$.parking_spaces", DifferenceClass.Additive, "undocumented-member", expected: "no such member", actual: "integer");
    }

    [Fact]
    public async Task A_new_value_of_an_extensible_enum_is_additive_and_named()
    {
        _fixture.BookTwo();
        var page = await _fixture.GetJsonAsync($"{_fixture.Org}/appointments?page_size=5");
        foreach (var item in page["items"]!)
        {
            item["status"] = "no_show";
        }

        _fixture.Serve($"{_fixture.Org}/appointments", 200, page);

        var difference = await AssertOnlyAsync("listAppointments", "$.items[0].status", DifferenceClass.Additive, "new-enum-value");
        Assert.Equal("no_show", difference.Actual);
        Assert.Contains("scheduled", difference.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_member_is_breaking()
    {
        var patient = await _fixture.GetJsonAsync($"{_fixture.Org}/patients/{Jane}");
        patient.Remove("date_of_birth");
        _fixture.Serve($"{_fixture.Org}/patients/{Jane}", 200, patient);

        await AssertOnlyAsync("getPatient", "$.date_of_birth", DifferenceClass.Breaking, "missing-required-member", expected: "required member", actual: "missing");
    }

    [Fact]
    public async Task A_changed_type_is_breaking_and_the_value_is_not_reported()
    {
        var page = await _fixture.GetJsonAsync($"{_fixture.Org}/patients?page_size=5");
        foreach (var item in page["items"]!)
        {
            item["date_of_birth"] = 19850312;
        }

        _fixture.Serve($"{_fixture.Org}/patients", 200, page);

        var report = await RunAsync();
        var difference = Assert.Single(report.Differences);
        Assert.Equal(("searchPatients", "$.items[0].date_of_birth", DifferenceClass.Breaking, "type-changed", "string (format date)", "integer"), (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.Equal("req_drift", difference.RequestId);
        var json = Json(report);
        Assert.DoesNotContain("19850312", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("last_name", 1234567L, "string", "integer")]
    [InlineData("title", true, "string", "boolean")]
    public async Task A_number_or_boolean_where_the_contract_has_a_plain_string_is_info_as_the_SDK_reads_it(string member, object value, string expected, string actual)
    {
        // The SDK reads it as its text, reporting it as info drift: the check classes it the same way.
        var providers = await _fixture.GetJsonAsync($"{_fixture.Org}/providers");
        foreach (var item in providers["items"]!)
        {
            item[member] = JToken.FromObject(value);
        }

        _fixture.Serve($"{_fixture.Org}/providers", 200, providers);

        await AssertOnlyAsync("listProviders", $"$.items[0].{member}", DifferenceClass.Info, "type-changed", expected, actual);
    }

    [Fact]
    public async Task A_number_in_an_email_member_is_info_too_the_SDK_reads_an_email_as_text()
    {
        var page = await _fixture.GetJsonAsync($"{_fixture.Org}/patients?page_size=5");
        foreach (var item in page["items"]!)
        {
            item["email"] = 1234567;
        }

        _fixture.Serve($"{_fixture.Org}/patients", 200, page);

        await AssertOnlyAsync("searchPatients", "$.items[0].email", DifferenceClass.Info, "type-changed", actual: "integer");
    }

    [Fact]
    public async Task A_number_in_a_uri_member_is_breaking_the_SDK_reads_a_uri_as_a_Uri()
    {
        // The generated SiteContact.Website is a System.Uri: the SDK throws NexGenContractViolationException on 12345.
        var site = await _fixture.GetJsonAsync($"/v2/sites/{SandboxSeed.MainStreetDental}");
        site["contact"]!["website"] = 12345;
        _fixture.Serve($"/v2/sites/{SandboxSeed.MainStreetDental}", 200, site);

        await AssertOnlyAsync("getSite", "$.contact.website", DifferenceClass.Breaking, "type-changed", expected: "null or string (format uri)", actual: "integer");
    }

    [Theory]
    [InlineData("duration_minutes", "60", DifferenceClass.Info)]
    [InlineData("requires_exam", "true", DifferenceClass.Info)]
    [InlineData("duration_minutes", "60.5", DifferenceClass.Breaking)]
    [InlineData("requires_exam", "yes", DifferenceClass.Breaking)]
    public async Task A_quoted_integer_or_boolean_is_info_only_when_the_SDK_converts_it_without_loss(string member, string value, DifferenceClass @class)
    {
        var types = await _fixture.GetJsonAsync($"{_fixture.Org}/appointment-types");
        foreach (var item in types["items"]!)
        {
            item[member] = value;
        }

        _fixture.Serve($"{_fixture.Org}/appointment-types", 200, types);

        await AssertOnlyAsync("listAppointmentTypes", $"$.items[0].{member}", @class, "type-changed", actual: "string");
    }

    [Theory]
    [InlineData(3_000_000_000L)]
    [InlineData(-3_000_000_000L)]
    public async Task An_int32_member_beyond_an_int_is_breaking_the_SDK_reads_it_into_an_int(long value)
    {
        // JSON Schema has no int32 range: the validation passes it, and the generated DurationMinutes (an int) fails on it.
        var types = await _fixture.GetJsonAsync($"{_fixture.Org}/appointment-types");
        foreach (var item in types["items"]!)
        {
            item["duration_minutes"] = value;
        }

        _fixture.Serve($"{_fixture.Org}/appointment-types", 200, types);

        var report = await RunAsync();
        var difference = Assert.Single(report.Differences, d => d.Class == DifferenceClass.Breaking);
        Assert.Equal(("listAppointmentTypes", "$.items[0].duration_minutes", "type-changed", "integer (format int32)", "integer beyond int32"), (difference.Operation, difference.Path, difference.Kind, difference.Expected, difference.Actual));
        Assert.DoesNotContain("3000000000", Json(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duration_minutes", "integer (format int32)")]
    [InlineData("is_active", "boolean")]
    public async Task An_integer_beyond_a_long_is_breaking_not_a_crash(string member, string expected)
    {
        // Read as a BigInteger, which the schema validation could not convert: the check ended with an InvalidCastException.
        var types = await _fixture.GetJsonAsync($"{_fixture.Org}/appointment-types");
        foreach (var item in types["items"]!)
        {
            item[member] = new JValue(System.Numerics.BigInteger.Parse("99999999999999999999999", System.Globalization.CultureInfo.InvariantCulture));
        }

        _fixture.Serve($"{_fixture.Org}/appointment-types", 200, types);

        var report = await RunAsync();
        var difference = Assert.Single(report.Differences, d => d.Class == DifferenceClass.Breaking);
        Assert.Equal(("listAppointmentTypes", $"$.items[0].{member}", "type-changed", expected), (difference.Operation, difference.Path, difference.Kind, difference.Expected));
        Assert.DoesNotContain("9999999999", Json(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_email_outside_its_format_is_info_the_SDK_keeps_it_as_text()
    {
        // Legacy data ("n/a" for an email) that the SDK reads as it is: not a reason to hold back a go-live.
        var patient = await _fixture.GetJsonAsync($"{_fixture.Org}/patients/{Jane}");
        patient["email"] = "n/a";
        _fixture.Serve($"{_fixture.Org}/patients/{Jane}", 200, patient);

        var difference = await AssertOnlyAsync("getPatient", "$.email", DifferenceClass.Info, "format-changed", actual: "string in another format");
        Assert.Contains("email", difference.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sites_phone_outside_its_pattern_is_info_the_SDK_keeps_it_as_text()
    {
        var site = await _fixture.GetJsonAsync($"/v2/sites/{SandboxSeed.MainStreetDental}");
        site["contact"]!["phone"] = "0117 496 0321";
        _fixture.Serve($"/v2/sites/{SandboxSeed.MainStreetDental}", 200, site);

        await AssertOnlyAsync("getSite", "$.contact.phone", DifferenceClass.Info, "format-changed", actual: "string not matching");
    }

    [Fact]
    public async Task A_nullable_uuid_outside_its_format_is_breaking_format_changed_the_SDK_reads_a_Guid()
    {
        var patient = await _fixture.GetJsonAsync($"{_fixture.Org}/patients/{Jane}");
        patient["preferred_provider_uuid"] = "dr-chen";
        _fixture.Serve($"{_fixture.Org}/patients/{Jane}", 200, patient);

        await AssertOnlyAsync("getPatient", "$.preferred_provider_uuid", DifferenceClass.Breaking, "format-changed", actual: "string in another format");
    }

    [Theory]
    [InlineData("Deprecation", "@1767225600")]
    [InlineData("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT")]
    public async Task An_answer_announcing_its_operation_is_going_is_info(string header, string value)
    {
        var providers = await _fixture.GetJsonAsync($"{_fixture.Org}/providers");
        _fixture.Serve($"{_fixture.Org}/providers", 200, providers, header: header, headerValue: value);

        var difference = await AssertOnlyAsync("listProviders", "header " + header, DifferenceClass.Info, "deprecated", expected: "no Deprecation or Sunset header", actual: header);
        Assert.DoesNotContain(value, Json(await RunAsync()), StringComparison.Ordinal);
        Assert.Equal("req_drift", difference.RequestId);
    }

    [Fact]
    public async Task A_changed_format_is_breaking()
    {
        var site = await _fixture.GetJsonAsync($"/v2/sites/{SandboxSeed.MainStreetDental}");
        site["uuid"] = "main-street-dental";
        _fixture.Serve($"/v2/sites/{SandboxSeed.MainStreetDental}", 200, site);

        var difference = await AssertOnlyAsync("getSite", "$.uuid", DifferenceClass.Breaking, "format-changed", expected: "string (format uuid)");
        Assert.DoesNotContain("main-street", difference.Actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-05-10T14:32:00")]
    [InlineData("2025-05-10 14:32:00")]
    public async Task An_instant_without_its_UTC_offset_is_a_changed_format(string instant)
    {
        var site = await _fixture.GetJsonAsync($"/v2/sites/{SandboxSeed.MainStreetDental}");
        site["created_at"] = instant;
        _fixture.Serve($"/v2/sites/{SandboxSeed.MainStreetDental}", 200, site);

        await AssertOnlyAsync("getSite", "$.created_at", DifferenceClass.Breaking, "format-changed", expected: "string (format date-time)", actual: "string in another format");
    }

    [Fact]
    public async Task An_instant_with_an_offset_other_than_Z_matches()
    {
        var site = await _fixture.GetJsonAsync($"/v2/sites/{SandboxSeed.MainStreetDental}");
        site["created_at"] = "2025-05-10T15:32:00.5+01:00";
        site["updated_at"] = "2025-05-10 14:32:00Z";
        _fixture.Serve($"/v2/sites/{SandboxSeed.MainStreetDental}", 200, site);

        Assert.Empty((await RunAsync()).Differences);
    }

    [Fact]
    public async Task A_null_where_the_contract_allows_none_is_breaking()
    {
        var patient = await _fixture.GetJsonAsync($"{_fixture.Org}/patients/{Jane}");
        patient["first_name"] = null;
        _fixture.Serve($"{_fixture.Org}/patients/{Jane}", 200, patient);

        await AssertOnlyAsync("getPatient", "$.first_name", DifferenceClass.Breaking, "type-changed", expected: "string", actual: "null");
    }

    [Fact]
    public async Task An_undocumented_status_is_breaking()
    {
        _fixture.Serve($"{_fixture.Org}/providers", 418, SandboxFixture.Problem(418, "teapot"), "application/problem+json");

        await AssertOnlyAsync("listProviders", "status", DifferenceClass.Breaking, "undocumented-status", actual: "418");
    }

    [Fact]
    public async Task An_operation_that_is_gone_is_breaking()
    {
        _fixture.Serve($"{_fixture.Org}/appointment-types", 404, SandboxFixture.Problem(404, "not-found"), "application/problem+json");

        var report = await RunAsync();

        // Without appointment types, availability cannot be asked for: said as info, not as a difference of the server.
        Assert.Equal(
            [("listAppointmentTypes", "status", DifferenceClass.Breaking, "operation-missing"), ("getAvailability", "$", DifferenceClass.Info, "not-checked")],
            report.Differences.Select(d => (d.Operation, d.Path, d.Class, d.Kind)));
        Assert.True(report.HasBreakingDifferences);
    }

    [Fact]
    public async Task A_documented_error_for_a_read_the_contract_allows_is_breaking_and_names_the_fields()
    {
        // A query parameter the server now requires: the 422 is documented for searchPatients, the check's request is valid.
        var problem = SandboxFixture.Problem(422, "validation-error");
        problem["errors"] = new JObject { ["query"] = new JArray("is required for Jane Smith's practice") };
        _fixture.Serve($"{_fixture.Org}/patients", 422, problem, "application/problem+json");

        var report = await RunAsync();

        Assert.Equal(
            [
                ("searchPatients", "status", DifferenceClass.Breaking, "semantic-broken", "2xx for a request the contract allows", "422 https://docs.api.dentally.com/problems/validation-error naming query"),
                ("getPatient", "$", DifferenceClass.Info, "not-checked", "a GET request", "none sent: no id to send it with"),
            ],
            report.Differences.Select(d => (d.Operation, d.Path, d.Class, d.Kind, d.Expected, d.Actual)));
        Assert.Equal("req_drift", report.Differences[0].RequestId);
        Assert.DoesNotContain("Jane", Json(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusals_problem_type_and_error_keys_are_quoted_only_when_they_look_like_the_contracts()
    {
        // What a server writes there is free text: a name in it must not reach a report meant to be shared.
        var problem = SandboxFixture.Problem(422, "validation-error");
        problem["type"] = "Jane Smith has no consent on file";
        problem["errors"] = new JObject { ["Jane_Smith"] = new JArray("x"), ["query"] = new JArray("y") };
        _fixture.Serve($"{_fixture.Org}/patients", 422, problem, "application/problem+json");

        var report = await RunAsync();

        Assert.Equal("422 a problem type that is not a problem URI naming query", report.Differences.Single(d => d.Kind == "semantic-broken").Actual);
        // A 422's type is one the SDK reads (a key mismatch or a validation error): breaking.
        var problemType = report.Differences.Single(d => d.Kind == "problem-type-changed");
        Assert.Equal(("a problem type that is not a problem URI", DifferenceClass.Breaking), (problemType.Actual, problemType.Class));
        Assert.DoesNotContain("Jane", Json(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_refused_for_the_site_and_type_the_check_picked_is_unchecked_not_broken()
    {
        // The type the check found need not be offered at the site it found: a 422 there is a valid answer.
        _fixture.Serve($"{_fixture.Org}/schedule/availability", 422, SandboxFixture.Problem(422, "validation-error"), "application/problem+json");

        await AssertOnlyAsync("getAvailability", "status", DifferenceClass.Info, "not-checked", actual: "422: the server refused the values the check picked");
    }

    [Fact]
    public async Task A_busy_server_leaves_a_read_unchecked_not_broken()
    {
        _fixture.Serve($"{_fixture.Org}/providers", 503, SandboxFixture.Problem(503, "server-error"), "application/problem+json");

        await AssertOnlyAsync("listProviders", "status", DifferenceClass.Info, "not-checked", actual: "503: the server was busy or failing");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_gateways_own_error_page_leaves_a_read_unchecked_not_broken(int status)
    {
        // A load balancer's page: HTML, no X-Request-Id, and a 502 or 504 the contract does not document.
        _fixture.Serve($"{_fixture.Org}/providers", status, new JValue("<html><body>Bad gateway</body></html>"), "text/html", withRequestId: false);

        await AssertOnlyAsync("listProviders", "status", DifferenceClass.Info, "not-checked", expected: "an answer to the GET request", actual: $"{status}: the server was busy or failing");
    }

    [Theory]
    [InlineData(501)] // an operation the API no longer implements
    [InlineData(505)]
    public async Task A_5xx_the_SDK_would_not_retry_is_the_APIs_answer_and_breaking(int status)
    {
        // Before: every 5xx was "busy or failing", info, and the check passed a server whose operation is gone.
        _fixture.Serve($"{_fixture.Org}/providers", status, SandboxFixture.Problem(status, "server-error"), "application/problem+json");

        var report = await RunAsync();

        Assert.True(report.HasBreakingDifferences);
        Assert.Contains(report.Differences, d => (d.Operation, d.Class) == ("listProviders", DifferenceClass.Breaking));
    }

    [Fact]
    public async Task A_gateways_error_page_on_a_semantic_probe_leaves_it_unchecked_not_broken()
    {
        _fixture.Serve("/v2/sites", 502, new JValue("<html>Bad gateway</html>"), "text/html", withRequestId: false, match: r => r.WithHeader("X-Practice-Id", "nexgen-contract-check-foreign-practice"));

        var report = await RunAsync();

        Assert.False(report.HasBreakingDifferences);
        Assert.All(report.Differences, d => Assert.Equal(("listSites", "not-checked"), (d.Operation, d.Kind)));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_server_failing_on_the_first_list_could_not_be_checked_rather_than_matching(int status)
    {
        // Every request refused: a report of nothing but not-checked lines would exit 0, a pass for a server that is down.
        _fixture.Serve("*", status, SandboxFixture.Problem(status, status == 429 ? "rate-limited" : "server-error"), "application/problem+json");

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(RunAsync);

        Assert.Equal($"The server answered {status} to listSites, the check's first request: it (or a gateway in front of it) is busy or failing, so nothing could be checked; run the check again later.", refused.Message);
    }

    [Fact]
    public async Task A_404s_problem_type_the_contract_does_not_document_is_info_the_SDK_goes_by_the_status()
    {
        _fixture.Serve($"{_fixture.Org}/appointments/*", 404, SandboxFixture.Problem(404, "gone"), "application/problem+json");

        var difference = await AssertOnlyAsync("getAppointment", "$.type", DifferenceClass.Info, "problem-type-changed", actual: "https://docs.api.dentally.com/problems/gone");
        Assert.Contains("problems/not-found", difference.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_that_is_not_a_problem_document_is_breaking()
    {
        _fixture.Serve("/v2/sites", 403, new JObject { ["error"] = "forbidden" }, match: r => r.WithHeader("X-Practice-Id", "nexgen-contract-check-foreign-practice"));

        await AssertOnlyAsync("listSites", "header Content-Type", DifferenceClass.Breaking, "media-type-changed", expected: "application/problem+json", actual: "application/json");
    }

    [Fact]
    public async Task A_401_without_WWW_Authenticate_is_a_broken_semantic()
    {
        _fixture.Serve("/v2/sites", 401, SandboxFixture.Problem(401, "unauthorized"), "application/problem+json", match: r => r.WithHeader("Authorization", "*", MatchBehaviour.RejectOnMatch));

        await AssertOnlyAsync("listSites", "header WWW-Authenticate", DifferenceClass.Breaking, "semantic-broken", actual: "absent");
    }

    [Fact]
    public async Task Another_practice_answered_is_a_broken_semantic()
    {
        var patients = await _fixture.GetJsonAsync($"{_fixture.Org}/patients?page_size=1");
        _fixture.Serve($"{_fixture.Org}/patients", 200, patients, match: r => r.WithHeader("X-Practice-Id", "nexgen-contract-check-foreign-practice"));

        await AssertOnlyAsync("searchPatients", "status", DifferenceClass.Breaking, "semantic-broken", expected: "403 for a practice the token may not see", actual: "200");
    }

    [Fact]
    public async Task An_answer_without_X_Request_Id_is_breaking()
    {
        var providers = await _fixture.GetJsonAsync($"{_fixture.Org}/providers");
        _fixture.Serve($"{_fixture.Org}/providers", 200, providers, withRequestId: false);

        await AssertOnlyAsync("listProviders", "header X-Request-Id", DifferenceClass.Breaking, "missing-request-id");
    }

    [Fact]
    public async Task The_same_difference_in_many_items_and_answers_is_reported_once()
    {
        _fixture.BookTwo();
        var page = await _fixture.GetJsonAsync($"{_fixture.Org}/appointments?page_size=5");
        Assert.True(page["items"]!.Count() > 1);
        foreach (var item in page["items"]!)
        {
            item["room"] = "2";
        }

        _fixture.Serve($"{_fixture.Org}/appointments", 200, page);

        await AssertOnlyAsync("listAppointments", "$.items[0].room", DifferenceClass.Additive, "undocumented-member");
    }

    [Fact]
    public async Task A_search_that_ignores_its_query_is_breaking_query_ignored()
    {
        // A redesigned Patients surface that renamed query: every patient, whatever the query.
        var page = await _fixture.GetJsonAsync($"{_fixture.Org}/patients?page_size=5");
        _fixture.Serve($"{_fixture.Org}/patients", 200, page, match: r => r.WithParam(p => p is not null && p.ContainsKey("query")));

        var difference = await AssertOnlyAsync("searchPatients", "parameter query query", DifferenceClass.Breaking, "query-ignored");

        Assert.Equal("req_drift", difference.RequestId);
        Assert.DoesNotContain("Smith", Json(await RunAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "$.page")]
    [InlineData(2, "$.items")]
    public async Task A_list_that_ignores_page_is_breaking_wrong_page(int pageSaid, string path)
    {
        // Page 1 whatever the page asked: saying so in the envelope, or echoing the page asked for.
        _fixture.BookTwo();
        _fixture.BookThird();
        var first = await _fixture.GetJsonAsync($"{_fixture.Org}/appointments?page_size=2");
        first["page"] = pageSaid;
        _fixture.Serve($"{_fixture.Org}/appointments", 200, first, match: r => r.WithParam("page", "2"));

        var difference = await AssertOnlyAsync("listAppointments", path, DifferenceClass.Breaking, "wrong-page");

        Assert.Equal("req_drift", difference.RequestId);
    }

    private async Task<ContractReport> RunAsync() => await NexGenContractCheck.RunAsync(_fixture.Options());

    private async Task<ContractDifference> AssertOnlyAsync(string operation, string path, DifferenceClass @class, string kind, string? expected = null, string? actual = null)
    {
        var report = await RunAsync();
        var difference = Assert.Single(report.Differences);
        Assert.Equal((operation, path, @class, kind), (difference.Operation, difference.Path, difference.Class, difference.Kind));
        Assert.Equal(expected ?? difference.Expected, difference.Expected);
        Assert.Equal(actual ?? difference.Actual, difference.Actual);
        Assert.Equal(@class == DifferenceClass.Breaking, report.HasBreakingDifferences);
        Assert.All(_fixture.ReceivedMethods, m => Assert.Equal("GET", m));
        return difference;
    }

    private static string Json(ContractReport report)
    {
        using var writer = new StringWriter();
        report.WriteJson(writer);
        return writer.ToString();
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
