using Dentally.NexGen.Client.Tests.Contract;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// A generated client over an <c>HttpClient</c> without the SDK's pipeline: nothing to report to, and no
/// check that the body is complete JSON, so only a missing required member is surely a contract violation.
/// </summary>
public sealed class RawClientDriftTests : IDisposable
{
    private readonly WireMockApi _api = new();

    [Fact]
    public async Task A_missing_required_member_names_the_operation_and_path()
    {
        Answer("""{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","date_of_birth":"1986-04-12"}""");

        var exception = await Assert.ThrowsAsync<NexGenContractViolationException>(() => _api.Clients.Patients.GetPatientAsync(OperationCase.Org, OperationCase.PatientUuid));

        Assert.Equal("getPatient", exception.Operation);
        Assert.Equal("$.last_name", exception.Path);
        Assert.Equal("req_raw", exception.RequestId);
        Assert.DoesNotContain("Jane", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undocumented_member_is_read_as_before()
    {
        Answer("""{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith","date_of_birth":"1986-04-12","nickname":"Janey"}""");

        var patient = await _api.Clients.Patients.GetPatientAsync(OperationCase.Org, OperationCase.PatientUuid);

        Assert.Equal("Janey", patient.AdditionalProperties["nickname"]?.ToString());
    }

    [Fact]
    public void A_member_name_cannot_forge_a_log_line_or_make_it_long()
    {
        Assert.Equal("$.items[*]['a?b']", ContractDriftPath.Of("items[12]['a\nb']", collapseIndices: true));
        Assert.Equal("$.items[12].x", ContractDriftPath.Of("items[12].x", collapseIndices: false));
        Assert.Equal(257, ContractDriftPath.Of(new string('m', 5000), collapseIndices: true).Length);
    }

    public void Dispose() => _api.Dispose();

    private void Answer(string body)
        => _api.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("X-Request-Id", "req_raw").WithBody(body));
}
