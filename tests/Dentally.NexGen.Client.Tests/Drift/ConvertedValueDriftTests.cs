using Dentally.NexGen.Client.Tests.Contract;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// A value of another JSON type than the contract's that converts without loss (a number where it has a
/// string, a quoted number or boolean where it has one) was read silently. It is still read, and reported
/// once per operation and path as <c>type-changed</c> of class <c>info</c>: nothing fails, but the API moved.
/// A value that does not convert without loss stays a <see cref="NexGenContractViolationException"/>.
/// </summary>
[Collection(DriftCounterTests.Name)]
public sealed class ConvertedValueDriftTests : DriftTestBase
{

    [Theory]
    [InlineData("\"last_name\": 1234567", "1234567")]
    [InlineData("\"last_name\": 1234567.50", "1234567.50")]
    [InlineData("\"last_name\": true", "true")]
    public async Task A_number_or_boolean_where_the_contract_has_a_string_is_read_as_its_text_and_reported_once(string drifted, string read)
    {
        Answer(GuideJson.PatientSearch.Replace("\"last_name\": \"Smith\"", drifted, StringComparison.Ordinal));

        for (var call = 0; call < 2; call++)
        {
            // No query: a last name that no longer holds "smith" would be a search answered with patients it cannot match.
            var page = await Harness.Client.Patients.SearchAsync(null);
            Assert.Equal([read, read], page.Items.Select(p => p.LastName));
        }

        Assert.Equal([("searchPatients", "$.items[*].last_name", "type-changed", "info")], DriftLog.Of(Harness));
        var measurement = Assert.Single(Counter.All);
        Assert.Equal(("info", "type-changed"), (measurement[NexGenDiagnostics.DriftClassTag], measurement[NexGenDiagnostics.DriftKindTag]));
        DriftLog.AssertNoValueLogged(Harness, read, "Jane");
    }

    [Theory]
    [InlineData("\"duration_minutes\": 60", "\"duration_minutes\": \"60\"", "$.items[*].duration_minutes")]
    [InlineData("\"requires_exam\": true", "\"requires_exam\": \"true\"", "$.items[*].requires_exam")]
    [InlineData("\"requires_exam\": true", "\"requires_exam\": 1", "$.items[*].requires_exam")]
    [InlineData("\"requires_exam\": true", "\"requires_exam\": \"True\"", "$.items[*].requires_exam")]
    [InlineData("\"duration_minutes\": 60", "\"duration_minutes\": \" 60 \"", "$.items[*].duration_minutes")]
    public async Task A_quoted_number_or_boolean_where_the_contract_has_one_is_read_as_it_and_reported(string documented, string drifted, string path)
    {
        Answer(GuideJson.AppointmentTypes.Replace(documented, drifted, StringComparison.Ordinal));

        var types = await Harness.Client.AppointmentTypes.ListAsync();

        Assert.Equal((60, true), (types.Items[0].DurationMinutes, types.Items[0].RequiresExam));
        Assert.Equal([("listAppointmentTypes", path, "type-changed", "info")], DriftLog.Of(Harness));
    }

    [Fact]
    public async Task A_response_of_the_contracts_own_types_reports_nothing()
    {
        Answer(GuideJson.AppointmentTypes);

        var types = await Harness.Client.AppointmentTypes.ListAsync();

        Assert.Equal([(60, true), (45, false), (30, true)], types.Items.Select(t => (t.DurationMinutes, t.RequiresExam)));
        Assert.Empty(DriftLog.Of(Harness));
        Assert.Empty(Counter.All);
    }

    [Theory]
    [InlineData("\"duration_minutes\": 60", "\"duration_minutes\": \"60.5\"", "$.items[0].duration_minutes")]
    [InlineData("\"duration_minutes\": 60", "\"duration_minutes\": 60.5", "$.items[0].duration_minutes")]
    [InlineData("\"requires_exam\": true", "\"requires_exam\": \"yes\"", "$.items[0].requires_exam")]
    [InlineData("\"requires_exam\": true", "\"requires_exam\": 2", "$.items[0].requires_exam")]
    public async Task A_value_that_does_not_convert_without_loss_is_still_a_violation(string documented, string drifted, string path)
    {
        Answer(GuideJson.AppointmentTypes.Replace(documented, drifted, StringComparison.Ordinal));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => Harness.Client.AppointmentTypes.ListAsync());

        Assert.Equal(("listAppointmentTypes", path, "type-changed"), (exception.Operation, exception.Path, exception.Kind));
        Assert.Equal("breaking", Assert.Single(DriftLog.Of(Harness)).Class);
    }

    [Fact]
    public async Task A_path_reported_as_info_is_still_reported_when_it_breaks_later()
    {
        // The breaking alert must fire although the same member was met converted first.
        Answer(GuideJson.AppointmentTypes.Replace("\"duration_minutes\": 60", "\"duration_minutes\": \"60\"", StringComparison.Ordinal));
        await Harness.Client.AppointmentTypes.ListAsync();
        Harness.Server.Reset();
        Answer(GuideJson.AppointmentTypes.Replace("\"duration_minutes\": 60", "\"duration_minutes\": \"sixty\"", StringComparison.Ordinal));

        for (var call = 0; call < 2; call++)
        {
            await Assert.ThrowsAsync<NexGenContractViolationException>(() => Harness.Client.AppointmentTypes.ListAsync());
        }

        Assert.Equal(
            [("listAppointmentTypes", "$.items[*].duration_minutes", "type-changed", "info"), ("listAppointmentTypes", "$.items[*].duration_minutes", "type-changed", "breaking")],
            DriftLog.Of(Harness));
    }
}
