using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>The spec's own examples are valid against their schemas, and the guide's values are there verbatim.</summary>
public sealed class SpecExampleTests
{
    private static readonly ContractSpec Spec = ContractSpec.Instance;

    public static TheoryData<string> OperationIds()
    {
        var data = new TheoryData<string>();
        foreach (var operation in Spec.Operations())
        {
            data.Add(operation.OperationId);
        }

        return data;
    }

    [Fact]
    public void The_spec_has_the_fourteen_operations_of_the_contract()
    {
        var operations = Spec.Operations().Select(o => $"{o.Method} {o.Path}").OrderBy(o => o, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "GET /api/v1/{org_id}/appointment-types",
                "GET /api/v1/{org_id}/appointments",
                "GET /api/v1/{org_id}/appointments/{appointment_uuid}",
                "GET /api/v1/{org_id}/patients",
                "GET /api/v1/{org_id}/patients/{patient_uuid}",
                "GET /api/v1/{org_id}/providers",
                "GET /api/v1/{org_id}/schedule/availability",
                "GET /v2/sites",
                "GET /v2/sites/{site_uuid}",
                "PATCH /api/v1/{org_id}/appointments/{appointment_uuid}",
                "POST /api/v1/{org_id}/appointments",
                "POST /api/v1/{org_id}/appointments/{appointment_uuid}/cancel",
                "POST /api/v1/{org_id}/appointments/{appointment_uuid}/status",
                "POST /api/v1/{org_id}/patients",
            },
            operations);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Every_response_example_validates_against_its_schema(string operationId)
    {
        foreach (var response in Spec.Responses(operationId))
        {
            Assert.NotNull(response.SchemaName);
            var errors = Spec.Validate(response.SchemaName!, response.Body);
            Assert.True(errors.Count == 0, $"{response}: {string.Join("; ", errors)}");
            if (response.Status >= 400)
            {
                Assert.Equal("application/problem+json", response.ContentType);
                Assert.Equal(response.Status, (int)response.Body["status"]!);
                Assert.StartsWith(ProblemTypes.Prefix, (string)response.Body["type"]!, StringComparison.Ordinal);
            }

            Assert.Contains("X-Request-Id", response.Headers);
        }
    }

    [Fact]
    public void Rate_limited_and_unavailable_responses_document_Retry_After()
    {
        var all = Spec.Operations().SelectMany(o => Spec.Responses(o.OperationId)).ToList();
        Assert.All(all.Where(r => r.Status is 429 or 503), r => Assert.Contains("Retry-After", r.Headers));
        Assert.All(all.Where(r => r.Status == 401), r => Assert.Contains("WWW-Authenticate", r.Headers));
    }

    [Fact]
    public void The_booking_guide_examples_appear_verbatim()
    {
        var examples = (JObject)Spec.Root["components"]!["examples"]!;
        var guideSearch = Json.Parse(GuideJson.PatientSearch);
        var guideTypes = Json.Parse(GuideJson.AppointmentTypes);
        var guidePost = Json.Parse(GuideJson.AppointmentPost);
        var guideConfirmation = Json.Parse(GuideJson.Confirmation);

        Assert.True(JToken.DeepEquals(guideSearch, examples["PatientPageSmith"]!["value"]), "patient search");
        Assert.True(JToken.DeepEquals(guideTypes, examples["AppointmentTypeList"]!["value"]), "appointment types");
        Assert.True(JToken.DeepEquals(guidePost, examples["AppointmentCreateNewPatientExam"]!["value"]), "POST body");
        Assert.True(JToken.DeepEquals(guideConfirmation, examples["AppointmentBooked"]!["value"]), "201 confirmation");
    }

    [Fact]
    public void Practice_local_times_are_patterned_strings_not_date_times()
    {
        var schemas = Spec.Root["components"]!["schemas"]!;
        var local = schemas["PracticeLocalDateTime"]!;
        Assert.Equal("string", (string)local["type"]!);
        // The registry's date-time-local (no offset), which the SDK maps to DateTime; never date-time, which needs an offset.
        Assert.Equal("date-time-local", (string?)local["format"]);
        Assert.Equal(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", (string)local["pattern"]!);
        foreach (var (schema, property) in new[] { ("AppointmentCreate", "scheduled_start"), ("AppointmentCreate", "scheduled_end"), ("Appointment", "scheduled_start"), ("Appointment", "scheduled_end"), ("Slot", "scheduled_start"), ("Slot", "scheduled_end"), ("ConflictDetail", "scheduled_start") })
        {
            Assert.Equal("#/components/schemas/PracticeLocalDateTime", (string)schemas[schema]!["properties"]![property]!["$ref"]!);
        }
    }

    [Fact]
    public void Sites_examples_have_a_lunch_break_and_a_site_closed_at_weekends()
    {
        var main = Spec.Root["components"]!["examples"]!["SiteMainStreetDental"]!["value"]!;
        Assert.Equal("c3d4e5f6-a7b8-9012-cdef-123456789012", (string)main["uuid"]!);
        Assert.Equal("Main Street Dental", (string)main["name"]!);
        var days = main["opening_hours"]!.Select(h => (string)h["day_of_week"]!).ToList();
        Assert.Equal(2, days.Count(d => d == "monday"));
        Assert.DoesNotContain("saturday", days);
        Assert.DoesNotContain("sunday", days);
        Assert.Equal(2, Spec.Root["components"]!["examples"]!["SitePage"]!["value"]!["items"]!.Count());
    }
}
