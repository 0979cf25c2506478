using System.Net;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// Answers from a transport of the caller's (a mock handler that leaves <see cref="HttpResponseMessage.RequestMessage"/>
/// unset) and bodies that are the JSON literal <c>null</c>: read as the SDK's own transport's answers are, never
/// quoting a value.
/// </summary>
public sealed class TransportResponseDriftTests
{
    private static readonly Guid AppointmentUuid = Guid.Parse("e5f6a7b8-c9d0-1234-efab-345678901234");

    [Fact]
    public async Task A_mistyped_member_from_a_transport_that_leaves_the_request_unset_is_a_contract_violation_without_the_value()
    {
        var transport = new ScriptedHandler().ThenJson(HttpStatusCode.OK, Contract.GuideJson.Confirmation.Replace(AppointmentUuid.ToString(), "Jane Smith", StringComparison.Ordinal));
        var client = SdkHarness.ClientOver(transport, _ => { });

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal(("getAppointment", "$.uuid", "type-changed"), (exception.Operation, exception.Path, exception.Kind));
        Assert.DoesNotContain("Jane Smith", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_body_that_is_json_null_is_a_contract_violation_at_the_root()
    {
        var transport = new ScriptedHandler().ThenJson(HttpStatusCode.OK, "null");
        var client = SdkHarness.ClientOver(transport, _ => { });

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => client.Appointments.GetAsync(AppointmentUuid));

        Assert.Equal(("getAppointment", "$", "type-changed", 200), (exception.Operation, exception.Path, exception.Kind, exception.StatusCode));
    }

    [Fact]
    public async Task A_generated_client_without_the_pipeline_does_not_quote_the_value_it_could_not_read()
    {
        var transport = new ScriptedHandler().ThenJson(HttpStatusCode.OK, Contract.GuideJson.Confirmation.Replace(AppointmentUuid.ToString(), "Jane Smith", StringComparison.Ordinal));
        using var http = new HttpClient(transport) { BaseAddress = new Uri("http://localhost:9/") };
        var appointments = new AppointmentsClient(http);

        var exception = await Assert.ThrowsAsync<NexGenApiException>(() => appointments.GetAppointmentAsync(SdkHarness.Org, AppointmentUuid));

        Assert.Contains("uuid", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Smith", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_body_that_is_json_null_read_by_a_generated_client_stays_its_status_s_exception()
    {
        var transport = new ScriptedHandler().ThenJson(HttpStatusCode.NotFound, "null");
        using var http = new HttpClient(transport) { BaseAddress = new Uri("http://localhost:9/") };
        var appointments = new AppointmentsClient(http);

        var exception = await Assert.ThrowsAnyAsync<NexGenApiException>(() => appointments.GetAppointmentAsync(SdkHarness.Org, AppointmentUuid));

        Assert.IsNotType<NexGenContractViolationException>(exception);
        Assert.Equal(404, exception.StatusCode);
    }
}
