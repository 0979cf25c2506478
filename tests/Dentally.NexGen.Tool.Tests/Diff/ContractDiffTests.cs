using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;

namespace Dentally.NexGen.Tool.Tests.Diff;

/// <summary>
/// <c>nexgen diff</c>'s comparison, against copies of the SDK's contract with one change each: every
/// kind of change is found where it is, classed for an integrator on this SDK, naming the SDK members
/// it touches.
/// </summary>
public sealed class ContractDiffTests
{
    [Fact]
    public async Task The_same_contract_has_no_difference()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.Original);

        Assert.Equal("2026-01-01", report.ContractVersion);
        Assert.Empty(report.Differences);
    }

    [Fact]
    public async Task A_renamed_operation_is_one_removed_and_one_added()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("  /v2/sites/{site_uuid}:", "operationId: getSite", "operationId: getSiteV3"));

        Assert.Equal(
            [
                ("getSite", "operation", DifferenceClass.Breaking, "operation-removed", "GET /v2/sites/{site_uuid}", "absent"),
                ("getSiteV3", "operation", DifferenceClass.Additive, "operation-added", "absent", "GET /v2/sites/{site_uuid}"),
            ],
            report.Differences.Select(d => (d.Operation, d.Path, d.Class, d.Kind, d.Expected, d.Actual)));
        Assert.Equal(["client.Sites.GetAsync"], report.Differences[0].SdkMembers);
        Assert.Empty(report.Differences[1].SdkMembers);
    }

    [Fact]
    public async Task A_moved_operation_is_breaking()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("paths:", "  /v2/sites/{site_uuid}:", "  /v3/sites/{site_uuid}:"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("getSite", DifferenceClass.Breaking, "operation-moved", "GET /v2/sites/{site_uuid}", "GET /v3/sites/{site_uuid}"), (difference.Operation, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_parameter_that_becomes_required_is_breaking_and_names_the_workflow()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: searchPatients", "          required: false\n          description: First name", "          required: true\n          description: First name"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("searchPatients", "parameter query query", DifferenceClass.Breaking, "parameter-became-required"), (difference.Operation, difference.Path, difference.Class, difference.Kind));
        Assert.Equal(["client.Patients.SearchAsync", "client.Patients.SearchAllAsync", "BookingWorkflow"], difference.SdkMembers);
    }

    [Fact]
    public async Task A_response_member_that_becomes_optional_is_breaking_wherever_it_is_read()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Patient:\n", "required: [uuid, first_name, last_name, date_of_birth]", "required: [uuid, first_name, last_name]"));

        Assert.Equal(
            [
                ("searchPatients", "response 200 $.items[].date_of_birth"),
                ("createPatient", "response 201 $.date_of_birth"),
                ("getPatient", "response 200 $.date_of_birth"),
            ],
            report.Differences.Select(d => (d.Operation, d.Path)));
        Assert.All(report.Differences, d => Assert.Equal((DifferenceClass.Breaking, "became-optional"), (d.Class, d.Kind)));
    }

    [Fact]
    public async Task A_changed_format_of_a_response_member_is_breaking()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Patient:\n", "          format: date\n", "          format: date-time\n"));

        var difference = Assert.Single(report.Differences, d => d.Operation == "getPatient");
        Assert.Equal(("response 200 $.date_of_birth", DifferenceClass.Breaking, "type-changed", "string (format date)", "string (format date-time)"), (difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_response_member_that_becomes_an_array_is_a_changed_type_not_removed_members()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Appointment:\n", "        patient:\n          $ref: \"#/components/schemas/PatientSummary\"", "        patient:\n          type: array\n          items:\n            $ref: \"#/components/schemas/PatientSummary\""));

        var difference = Assert.Single(report.Differences, d => d.Operation == "getAppointment");
        Assert.Equal(("response 200 $.patient", DifferenceClass.Breaking, "type-changed", "object", "array"), (difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.DoesNotContain(report.Differences, d => d.Kind == "member-removed");
    }

    [Fact]
    public async Task A_request_body_the_newer_contract_takes_in_another_media_type_is_breaking()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: updateAppointment", "          application/json:", "          application/merge-patch+json:"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("updateAppointment", "request", DifferenceClass.Breaking, "media-type-changed", "application/json", "application/merge-patch+json"), (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.Equal(["client.Appointments.UpdateAsync"], difference.SdkMembers);
    }

    [Fact]
    public async Task A_parameter_moved_from_the_query_to_a_header_is_a_removed_one_and_an_added_one()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: listAppointments", "        - name: status\n          in: query", "        - name: status\n          in: header"));

        Assert.Equal(
            [
                ("parameter query status", DifferenceClass.Breaking, "parameter-removed"),
                ("parameter header status", DifferenceClass.Additive, "parameter-added"),
            ],
            report.Differences.Select(d => (d.Path, d.Class, d.Kind)));
    }

    [Fact]
    public async Task A_server_with_a_new_base_path_is_info_to_configure()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("servers:", "https://api.example.com", "https://api.example.com/nexgen"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("server", "servers", DifferenceClass.Info, "server-changed", "http://localhost:4010, https://api.example.com", "http://localhost:4010, https://api.example.com/nexgen"), (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_contract_without_servers_is_info_not_a_failure()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("servers:", "servers:\n  - url: http://localhost:4010\n    description: Local development (mock server)\n  - url: https://api.example.com\n    description: Example host used by the booking guide\n", string.Empty));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("server-changed", DifferenceClass.Info, "http://localhost:4010, https://api.example.com", "none"), (difference.Kind, difference.Class, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_removed_response_member_is_breaking()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Patient:\n", "        primary_phone:\n          type: string\n          nullable: true\n", string.Empty));

        var difference = Assert.Single(report.Differences, d => d.Operation == "getPatient");
        Assert.Equal(("response 200 $.primary_phone", DifferenceClass.Breaking, "member-removed", "optional member", "absent"), (difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_new_enum_value_in_responses_is_additive()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    AppointmentStatus:\n", "        - cancelled\n", "        - cancelled\n        - no_show\n"));

        var difference = Assert.Single(report.Differences, d => d.Operation == "getAppointment");
        Assert.Equal(("response 200 $.status", DifferenceClass.Additive, "enum-value-added", "absent", "no_show"), (difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.DoesNotContain(report.Differences, d => d.Class == DifferenceClass.Breaking);
    }

    [Fact]
    public async Task A_request_member_that_becomes_required_is_breaking_for_the_booking_workflow()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    AppointmentCreate:\n", "scheduled_start, scheduled_end]", "scheduled_start, scheduled_end, notes]"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("createAppointment", "request $.notes", DifferenceClass.Breaking, "became-required"), (difference.Operation, difference.Path, difference.Class, difference.Kind));
        Assert.Contains("BookingWorkflow", difference.SdkMembers);
    }

    [Fact]
    public async Task A_changed_problem_type_is_a_removed_type_and_an_added_one()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    SlotConflictProblem:\n", "problems/slot-conflict", "problems/booking-conflict"));

        var create = report.Differences.Where(d => d.Operation == "createAppointment").Select(d => (d.Path, d.Class, d.Kind, d.Expected, d.Actual));
        Assert.Equal(
            [
                ("response 409 $.type", DifferenceClass.Breaking, "problem-type-removed", "https://docs.api.dentally.com/problems/slot-conflict", "absent"),
                ("response 409 $.type", DifferenceClass.Additive, "problem-type-added", "absent", "https://docs.api.dentally.com/problems/booking-conflict"),
            ],
            create);
    }

    [Fact]
    public async Task A_tighter_bound_on_a_parameter_is_breaking_for_the_SDKs_own_check()
    {
        // The SDK checks the search text against the bound it was built with: a lower one lets through what the API would refuse.
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: searchPatients", "maxLength: 200", "maxLength: 100"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("searchPatients", "parameter query query", DifferenceClass.Breaking, "bound-tightened", "maxLength 200", "maxLength 100"), (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.Contains("BookingWorkflow", difference.SdkMembers);
    }

    [Fact]
    public async Task A_looser_bound_on_a_request_member_is_info()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    AppointmentCreate:\n", "maxLength: 2000", "maxLength: 4000"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("createAppointment", "request $.notes", DifferenceClass.Info, "bound-loosened", "maxLength 2000", "maxLength 4000"), (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Theory]
    [InlineData("14", DifferenceClass.Breaking, "bound-tightened")]
    [InlineData("62", DifferenceClass.Info, "bound-loosened")]
    public async Task A_changed_bound_in_an_operations_extension_is_classed_as_a_bound(string days, DifferenceClass expectedClass, string kind)
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: getAvailability", "x-maximum-window-days: 31", "x-maximum-window-days: " + days));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("getAvailability", "operation x-maximum-window-days", expectedClass, kind, "x-maximum-window-days 31", "x-maximum-window-days " + days), (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.Contains("client.Schedule.GetAvailabilityAsync", difference.SdkMembers);
    }

    [Fact]
    public async Task A_minLength_of_0_is_no_bound_so_adding_it_changes_nothing()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    AppointmentCreate:\n", "maxLength: 2000", "maxLength: 2000\n          minLength: 0"));

        Assert.Empty(report.Differences);
    }

    [Fact]
    public async Task A_minLength_of_1_dropped_to_0_is_a_looser_bound()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    IdempotencyKey:", "minLength: 1", "minLength: 0"));

        var difference = Assert.Single(report.Differences, d => d.Operation == "createAppointment");
        Assert.Equal(("parameter header Idempotency-Key", DifferenceClass.Info, "bound-loosened", "minLength 1", "no minLength"), (difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Theory]
    [InlineData("12", DifferenceClass.Breaking, "bound-tightened")]
    [InlineData("48", DifferenceClass.Info, "bound-loosened")]
    public async Task A_changed_number_in_a_parameters_extension_is_classed_as_a_bound(string hours, DifferenceClass expectedClass, string kind)
    {
        // A shorter replay window: a retry the SDK sends under the same key after it would book again.
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    IdempotencyKey:", "x-replay-window-hours: 24", "x-replay-window-hours: " + hours));

        Assert.Equal(["createPatient", "createAppointment"], report.Differences.Select(d => d.Operation));
        Assert.All(report.Differences, d => Assert.Equal(("parameter header Idempotency-Key", expectedClass, kind, "x-replay-window-hours 24", "x-replay-window-hours " + hours), (d.Path, d.Class, d.Kind, d.Expected, d.Actual)));
        Assert.Equal(["client.Appointments.CreateAsync", "BookingWorkflow"], report.Differences[1].SdkMembers);
    }

    [Theory]
    [InlineData("      type: http\n      scheme: bearer", "      type: apiKey\n      in: header\n      name: X-Api-Key", "apiKey in header X-Api-Key")]
    [InlineData("      scheme: bearer", "      scheme: dpop", "http dpop")]
    // Tokens from an authorization server: the report names where, so a token endpoint that moves shows.
    [InlineData("      type: http\n      scheme: bearer", "      type: oauth2\n      flows:\n        clientCredentials:\n          tokenUrl: https://auth.example.com/oauth/token\n          scopes: {}", "oauth2 (client credentials from https://auth.example.com/oauth/token)")]
    [InlineData("      type: http\n      scheme: bearer", "      type: openIdConnect\n      openIdConnectUrl: https://auth.example.com/.well-known/openid-configuration", "openIdConnect https://auth.example.com/.well-known/openid-configuration")]
    public async Task A_changed_authentication_scheme_is_breaking_for_every_operation(string old, string changed, string actual)
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("  securitySchemes:", old, changed));

        Assert.Equal(14, report.Differences.Count);
        Assert.All(report.Differences, d => Assert.Equal(("security", DifferenceClass.Breaking, "security-changed", "http bearer", actual), (d.Path, d.Class, d.Kind, d.Expected, d.Actual)));
        Assert.Contains("client.Patients.SearchAsync", Assert.Single(report.Differences, d => d.Operation == "searchPatients").SdkMembers);
    }

    [Theory]
    [InlineData("      security:\n        - bearerAuth: []\n        - {}\n", "http bearer or none")]
    // Made public: the SDK's request, token and all, is still taken.
    [InlineData("      security: []\n", "none")]
    public async Task A_second_way_to_authenticate_beside_the_bearer_token_or_none_needed_is_additive(string security, string actual)
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: listSites", "      responses:", security + "      responses:"));

        var difference = Assert.Single(report.Differences);
        Assert.Equal(("listSites", "security", DifferenceClass.Additive, "security-changed", "http bearer", actual), (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_renamed_security_scheme_is_no_change()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.Original.Replace("bearerAuth", "tokenAuth", StringComparison.Ordinal));

        Assert.Empty(report.Differences);
    }

    [Fact]
    public async Task A_document_that_is_not_OpenAPI_cannot_be_compared()
    {
        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractDiff.CompareAsync("openapi: [not, a, document"));

        Assert.StartsWith("The newer contract could not be read as OpenAPI (", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" \n", "The newer contract is empty.")]
    [InlineData("{}", "The newer contract cannot be compared: it has no openapi version, so it is not an OpenAPI document.")]
    [InlineData("swagger: '2.0'\ninfo: {title: Dentally NexGen API, version: '1'}\npaths: {}\n", "The newer contract cannot be compared: it is Swagger 2.0; compare an OpenAPI 3.0 document, as this SDK's contract is.")]
    [InlineData("openapi: 3.0.3\ninfo: {title: Pet Store, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200': {description: ok}\n", "The newer contract cannot be compared: it has none of this SDK's operations (operationId) and 'Pet Store': is it the contract of the Dentally NexGen API?")]
    public async Task A_document_that_is_not_a_NexGen_OpenAPI_3_0_contract_is_refused_not_compared(string text, string message)
    {
        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractDiff.CompareAsync(text));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public async Task An_OpenAPI_3_1_document_is_refused_rather_than_read_as_3_0()
    {
        // 3.1 writes a nullable member as a type list, which a 3.0 reading misses: "no difference" would be a guess.
        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractDiff.CompareAsync(SpecCopy.With("openapi:", "3.0.3", "3.1.0")));

        Assert.Equal("The newer contract cannot be compared: it is OpenAPI 3.1.0; compare an OpenAPI 3.0 document, as this SDK's contract is.", refused.Message);
    }
}
