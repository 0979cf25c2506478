using Dentally.NexGen.Client.Tests.Contract;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// A response whose shape moved away from the contract, as the Patients redesign may move it: a required
/// member null, a member renamed, a list that became an object, an object that became a scalar. Each is a
/// <see cref="NexGenContractViolationException"/> naming the member the SDK cannot read, reported once as
/// breaking; never a value.
/// </summary>
[Collection(DriftCounterTests.Name)]
public sealed class ShapeDriftTests : DriftTestBase
{

    [Theory]
    [InlineData("\"last_name\": \"Smith\",\n\"date_of_birth\": \"1986-04-12\"", "\"last_name\": null,\n\"date_of_birth\": \"1986-04-12\"", "$.items[0].last_name", "type-changed")]
    public async Task A_patient_page_whose_shape_moved_is_a_violation_naming_the_member(string documented, string drifted, string path, string kind)
    {
        var body = GuideJson.PatientSearch.Replace(documented, drifted, StringComparison.Ordinal);
        Assert.NotEqual(GuideJson.PatientSearch, body);
        Answer(body);

        for (var call = 0; call < 2; call++)
        {
            var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => Harness.Client.Patients.SearchAsync("smith"));
            Assert.Equal(("searchPatients", path, kind, "req_200"), (exception.Operation, exception.Path, exception.Kind, exception.RequestId));
            Assert.DoesNotContain("Smith", exception.ToString(), StringComparison.Ordinal);
        }

        var (_, reportedPath, reportedKind, reportedClass) = Assert.Single(DriftLog.Of(Harness));
        Assert.Equal((path.Replace("[0]", "[*]", StringComparison.Ordinal), kind, "breaking"), (reportedPath, reportedKind, reportedClass));
        Assert.Single(Counter.All);
        DriftLog.AssertNoValueLogged(Harness, "Smith", "Jane", "1986-04-12");
    }

    [Fact]
    public async Task A_required_member_renamed_is_reported_as_its_old_name_missing_and_its_new_name_undocumented()
    {
        // Both halves of the rename in the log: the failure alone would not say what the member is called now.
        Answer(GuideJson.PatientSearch.Replace("\"last_name\": \"Smith\"", "\"family_name\": \"Smith\"", StringComparison.Ordinal));

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => Harness.Client.Patients.SearchAsync("smith"));

        Assert.Equal(("$.items[0].last_name", "missing-required-member"), (exception.Path, exception.Kind));
        Assert.Equal(
            [("searchPatients", "$.items[*].last_name", "missing-required-member", "breaking"), ("searchPatients", "$.items[*].family_name", "undocumented-member", "additive")],
            DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, "Smith");
    }

    [Fact]
    public async Task A_list_that_became_an_object_is_a_violation_at_the_list()
    {
        Answer("{\"items\": {\"patients\": [], \"next\": \"cursor\"}, \"page\": 1, \"page_size\": 5, \"total\": 0}");

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => Harness.Client.Patients.SearchAsync("smith"));

        Assert.Equal(("searchPatients", "$.items", "type-changed"), (exception.Operation, exception.Path, exception.Kind));
        Assert.Equal([("searchPatients", "$.items", "type-changed", "breaking")], DriftLog.Of(Harness));
    }

    [Theory]
    [InlineData("\"patient\": {\n\"uuid\": \"a1b2c3d4-e5f6-7890-abcd-ef1234567890\",\n\"first_name\": \"Jane\",\n\"last_name\": \"Smith\"\n}", "\"patient\": \"Jane Smith\"", "$.patient")]
    [InlineData("\"patient\": {\n\"uuid\": \"a1b2c3d4-e5f6-7890-abcd-ef1234567890\",\n\"first_name\": \"Jane\",\n\"last_name\": \"Smith\"\n}", "\"patient\": [\"Jane Smith\"]", "$.patient")]
    public async Task An_object_that_became_a_scalar_or_a_list_is_a_violation_without_the_value(string documented, string drifted, string path)
    {
        var body = GuideJson.Confirmation.Replace(documented, drifted, StringComparison.Ordinal);
        Assert.NotEqual(GuideJson.Confirmation, body);
        Answer(body);

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal(("getAppointment", path, "type-changed"), (exception.Operation, exception.Path, exception.Kind));
        Assert.DoesNotContain("Jane Smith", exception.ToString(), StringComparison.Ordinal);
        DriftLog.AssertNoValueLogged(Harness, "Jane Smith");
    }

    [Fact]
    public async Task An_optional_member_renamed_is_read_and_its_new_name_reported_as_additive()
    {
        // primary_phone is optional: its absence is the contract's; the new name is what shows the rename.
        Answer(GuideJson.PatientSearch.Replace("\"primary_phone\":", "\"phone_number\":", StringComparison.Ordinal));

        var page = await Harness.Client.Patients.SearchAsync("smith");

        Assert.Null(page.Items[0].PrimaryPhone);
        Assert.Equal([("searchPatients", "$.items[*].phone_number", "undocumented-member", "additive")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, "+1-415-555-0148");
    }

    [Fact]
    public async Task A_success_answered_with_a_page_that_is_not_JSON_is_reported_as_a_changed_media_type()
    {
        // A gateway (or a single-page app's fallback route) answering 200 with HTML for a path the API no longer serves.
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, "<html><body>Jane Smith's portal</body></html>", "text/html"));

        await Assert.ThrowsAsync<NexGenTransportException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal([("getAppointment", "header Content-Type", "media-type-changed", "breaking")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, "Jane Smith");
    }

    [Fact]
    public async Task A_JSON_success_cut_short_is_not_reported_as_drift()
    {
        // The contract's media type with a broken body is the network's, not the API's.
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, GuideJson.Confirmation[..40]));

        await Assert.ThrowsAsync<NexGenTransportException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Empty(DriftLog.Of(Harness));
    }
}
