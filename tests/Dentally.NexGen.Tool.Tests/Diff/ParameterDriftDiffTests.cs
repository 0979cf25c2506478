using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;

namespace Dentally.NexGen.Tool.Tests.Diff;

/// <summary>
/// <c>nexgen diff</c> beyond the known bounds: parameters made required, removed, renamed or given another
/// format; response headers removed; defaults, patterns and item counts changed; <c>x-</c> numbers the SDK's
/// contract does not have. Each classed by what it breaks for a client built on the SDK's contract.
/// </summary>
public sealed class ParameterDriftDiffTests
{
    [Fact]
    public async Task A_renamed_query_parameter_is_a_removed_one_breaking_and_an_added_one()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: searchPatients", "        - name: query\n", "        - name: q\n"));

        Assert.Equal(
            [
                ("parameter query query", DifferenceClass.Breaking, "parameter-removed", "optional", "absent"),
                ("parameter query q", DifferenceClass.Additive, "parameter-added", "absent", "optional"),
            ],
            Only(report, "searchPatients"));
    }

    [Fact]
    public async Task A_path_parameter_given_another_format_is_breaking()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    AppointmentUuid:", "        format: uuid\n", "        format: ulid\n"));

        Assert.All(report.Differences, d => Assert.Equal(("parameter path appointment_uuid", DifferenceClass.Breaking, "parameter-type-changed", "string (format uuid)", "string (format ulid)"), (d.Path, d.Class, d.Kind, d.Expected, d.Actual)));
        Assert.Contains(report.Differences, d => d.Operation == "getAppointment");
    }

    [Fact]
    public async Task A_response_header_removed_is_breaking_as_the_SDK_reads_it()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: getAppointment", "          headers:\n            X-Request-Id:\n              $ref: \"#/components/headers/XRequestId\"\n", string.Empty));

        Assert.Equal([("response 200 header X-Request-Id", DifferenceClass.Breaking, "header-removed", "X-Request-Id", "absent")], Only(report, "getAppointment"));
        Assert.Contains("client.Appointments.GetAsync", Assert.Single(report.Differences).SdkMembers);
    }

    [Fact]
    public async Task A_response_header_the_SDK_never_reads_removed_is_info()
    {
        // The SDK reads the booked appointment from the body; it never reads Location.
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: createAppointment", "            Location:\n              $ref: \"#/components/headers/Location\"\n", string.Empty));

        Assert.Equal([("response 201 header Location", DifferenceClass.Info, "header-removed", "Location", "absent")], Only(report, "createAppointment"));
    }

    [Fact]
    public async Task A_response_header_added_is_additive()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: getAppointment", "              $ref: \"#/components/headers/XRequestId\"\n", "              $ref: \"#/components/headers/XRequestId\"\n            Deprecation:\n              $ref: \"#/components/headers/XRequestId\"\n"));

        Assert.Equal([("response 200 header Deprecation", DifferenceClass.Additive, "header-added", "absent", "Deprecation")], Only(report, "getAppointment"));
    }

    [Fact]
    public async Task A_changed_default_of_an_optional_parameter_is_breaking_for_a_request_that_leaves_it_out()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    PageSize:", "default: 20", "default: 50"));

        Assert.NotEmpty(report.Differences);
        Assert.All(report.Differences, d => Assert.Equal(("parameter query page_size", DifferenceClass.Breaking, "default-changed", "default 20", "default 50"), (d.Path, d.Class, d.Kind, d.Expected, d.Actual)));
        Assert.Contains(report.Differences, d => d.Operation == "searchPatients");
    }

    [Theory]
    [InlineData("maximum: 100", "maximum: 50", DifferenceClass.Breaking, "bound-tightened", "maximum 100", "maximum 50")]
    [InlineData("maximum: 100", "maximum: 100\n        maxItems: 3", DifferenceClass.Breaking, "bound-tightened", "no maxItems", "maxItems 3")]
    public async Task A_tighter_maximum_or_a_new_maxItems_on_a_parameter_is_breaking(string old, string changed, DifferenceClass @class, string kind, string expected, string actual)
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    PageSize:", old, changed));

        Assert.NotEmpty(report.Differences);
        Assert.All(report.Differences, d => Assert.Equal(("parameter query page_size", @class, kind, expected, actual), (d.Path, d.Class, d.Kind, d.Expected, d.Actual)));
    }

    [Fact]
    public async Task A_pattern_added_to_a_parameter_is_breaking_the_SDK_may_send_what_it_refuses()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("        - name: provider_uuid\n          in: query\n          required: false\n          description: Only this provider's", "            format: uuid\n", "            format: uuid\n            pattern: ^[0-9a-f-]{36}$\n"));

        Assert.Equal([("parameter query provider_uuid", DifferenceClass.Breaking, "pattern-changed", "no pattern", "pattern ^[0-9a-f-]{36}$")], Only(report, "listAppointments"));
    }

    [Theory]
    [InlineData("          pattern: ^[A-Z]{2}$\n", "", "pattern ^[A-Z]{2}$", "no pattern")]
    [InlineData("          pattern: ^[A-Z]{2}$\n", "          pattern: ^[A-Z]{2,3}$\n", "pattern ^[A-Z]{2}$", "pattern ^[A-Z]{2,3}$")]
    public async Task A_pattern_widened_or_dropped_on_a_response_member_the_SDK_reads_as_text_is_info(string old, string changed, string expected, string actual)
    {
        // Contact's country_code is a string: whatever the server sends, the SDK passes the text on.
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Address:\n", old, changed));

        var difference = Assert.Single(report.Differences, d => d.Operation == "getSite");
        Assert.Equal(("response 200 $.address.country_code", DifferenceClass.Info, "pattern-changed", expected, actual), (difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task An_opening_time_pattern_dropped_is_info_the_SDK_reads_HH_mm_as_text()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    LocalTimeOfDay:\n", "      pattern: ^([01]\\d|2[0-3]):[0-5]\\d$\n", string.Empty));

        Assert.NotEmpty(report.Differences);
        Assert.All(report.Differences, d => Assert.Equal((DifferenceClass.Info, "pattern-changed"), (d.Class, d.Kind)));
    }

    [Fact]
    public async Task A_practice_local_time_pattern_widened_is_breaking_the_SDK_parses_the_value_by_it()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    PracticeLocalDateTime:\n", "T\\d{2}:\\d{2}:\\d{2}$", "T\\d{2}:\\d{2}(:\\d{2})?$"));

        Assert.Contains(report.Differences, d => d.Operation == "getAppointment" && d.Path.StartsWith("response 200 $.", StringComparison.Ordinal) && (d.Class, d.Kind) == (DifferenceClass.Breaking, "pattern-changed"));
    }

    [Fact]
    public async Task A_pattern_added_to_a_response_member_is_info_the_server_sends_less()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Provider:\n", "        title:\n          type: string\n", "        title:\n          type: string\n          pattern: ^[A-Z]+$\n"));

        Assert.All(report.Differences, d => Assert.Equal((DifferenceClass.Info, "pattern-changed"), (d.Class, d.Kind)));
        Assert.Contains(report.Differences, d => d.Operation == "listProviders" && d.Path == "response 200 $.items[].title");
    }

    [Fact]
    public async Task A_bound_on_a_response_member_is_info_the_SDK_does_not_rely_on_it()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Site:\n", "        opening_hours:\n          type: array\n", "        opening_hours:\n          type: array\n          maxItems: 14\n"));

        var difference = Assert.Single(report.Differences, d => d.Operation == "getSite");
        Assert.Equal(("response 200 $.opening_hours", DifferenceClass.Info, "bound-tightened", "no maxItems", "maxItems 14"), (difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
    }

    [Theory]
    [InlineData("operationId: getAvailability", "x-maximum-window-days: 31", "x-maximum-window-days: 31\n      x-rate-limit-per-minute: 60", "getAvailability", "operation x-rate-limit-per-minute")]
    [InlineData("    IdempotencyKey:", "x-replay-window-hours: 24", "x-replay-window-hours: 24\n      x-maximum-retries: 3", "createAppointment", "parameter header Idempotency-Key")]
    public async Task A_number_in_an_x_member_the_SDKs_contract_does_not_have_is_a_new_limit_breaking(string anchor, string old, string changed, string operation, string path)
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With(anchor, old, changed));

        var difference = Assert.Single(report.Differences, d => d.Operation == operation);
        Assert.Equal((path, DifferenceClass.Breaking, "bound-tightened"), (difference.Path, difference.Class, difference.Kind));
        Assert.StartsWith("no x-", difference.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operation_newly_deprecated_is_info_naming_what_the_SDK_calls()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: searchPatients", "      responses:", "      deprecated: true\n      responses:"));

        Assert.Equal([("operation", DifferenceClass.Info, "deprecated", "not deprecated", "deprecated")], Only(report, "searchPatients"));
        Assert.Contains("BookingWorkflow", report.Differences[0].SdkMembers);
    }

    [Fact]
    public async Task A_parameter_newly_deprecated_is_info()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("operationId: searchPatients", "          required: false\n          description: First name", "          required: false\n          deprecated: true\n          description: First name"));

        Assert.Equal([("parameter query query", DifferenceClass.Info, "deprecated", "not deprecated", "deprecated")], Only(report, "searchPatients"));
    }

    [Fact]
    public async Task A_response_member_newly_deprecated_is_info_wherever_it_is_read()
    {
        var report = await NexGenContractDiff.CompareAsync(SpecCopy.With("    Patient:\n", "        primary_phone:\n          type: string\n", "        primary_phone:\n          type: string\n          deprecated: true\n"));

        Assert.Contains(("getPatient", "response 200 $.primary_phone"), report.Differences.Select(d => (d.Operation, d.Path)));
        Assert.All(report.Differences, d => Assert.Equal((DifferenceClass.Info, "deprecated", "not deprecated", "deprecated"), (d.Class, d.Kind, d.Expected, d.Actual)));
    }

    private static List<(string Path, DifferenceClass Class, string Kind, string Expected, string Actual)> Only(ContractReport report, string operation)
    {
        Assert.All(report.Differences, d => Assert.Equal(operation, d.Operation));
        return report.Differences.Select(d => (d.Path, d.Class, d.Kind, d.Expected, d.Actual)).ToList();
    }
}
