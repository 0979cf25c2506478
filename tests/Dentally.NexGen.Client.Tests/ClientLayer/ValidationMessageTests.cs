using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// A 422 names the invalid fields; for a field that refers to another record by id it also says what the
/// server found wrong — "does not match any site" tells a newcomer the site does not exist, which
/// "location_uuid" alone does not. Other fields' messages, which may quote what was sent, stay out.
/// </summary>
public sealed class ValidationMessageTests
{
    [Fact]
    public async Task A_site_that_does_not_exist_is_said_to_not_exist()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
        var client = new NexGenClient(sandbox.CreateOptions().OnTestClock());

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Appointments.CreateAsync(new NewAppointment
        {
            PatientUuid = SandboxSeed.JaneSmith,
            AppointmentTypeUuid = SandboxSeed.NewPatientExam,
            LocationUuid = Guid.Parse("0e0e0e0e-0000-4000-8000-000000000001"),
            ProviderUuid = SandboxSeed.MichaelChen,
            ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
            ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        }));

        Assert.EndsWith("Invalid fields: location_uuid (does not match any site).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_reference_fields_bring_their_messages_each_on_one_short_line()
    {
        using var harness = new SdkHarness();
        var longReason = "does not match\n any provider " + new string('x', 200);
        harness.Server.Given(Request.Create().UsingPost()).RespondWith(SdkHarness.Json(422, $$"""
            {
              "type": "https://docs.api.dentally.com/problems/validation-error",
              "title": "Validation failed",
              "status": 422,
              "errors": {
                "email": ["'Jane.Smith-at-example' is not an email address"],
                "provider_uuid": [{{Newtonsoft.Json.JsonConvert.SerializeObject(longReason)}}, "is not active"]
              }
            }
            """));

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => harness.Client.Patients.CreateAsync(new PatientCreate
        {
            FirstName = "Jane",
            LastName = "Smith",
            DateOfBirth = new DateTime(1985, 3, 14),
        }));

        Assert.DoesNotContain("Jane.Smith-at-example", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid fields: email, provider_uuid (does not match any provider xxx", error.Message, StringComparison.Ordinal);
        Assert.Contains("…; is not active).", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 100), error.Message, StringComparison.Ordinal);
    }
}
