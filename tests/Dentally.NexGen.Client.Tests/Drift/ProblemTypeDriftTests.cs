using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// An error whose problem <c>type</c> the contract does not document is reported once per operation as
/// <c>problem-type-changed</c> at <c>$.type</c> (the type is not logged: a server writes it); the call throws as
/// before. It is breaking only for a 409 or a 422, where the SDK picks its exception by the type (a
/// <c>slot-conflict</c> renamed is no longer rebooked on); for any other status the SDK goes by the status, so a
/// gateway's <c>about:blank</c> 404 or RFC 9457 403 is info, not a false breaking alert.
/// </summary>
[Collection(DriftCounterTests.Name)]
public sealed class ProblemTypeDriftTests : DriftTestBase
{
    [Theory]
    [InlineData(404, "about:blank")]
    [InlineData(404, ProblemTypes.Prefix + "appointment-archived")]
    [InlineData(403, "https://tools.ietf.org/html/rfc9110#section-15.5.4")]
    [InlineData(401, "about:blank")]
    public async Task A_problem_type_the_contract_does_not_document_where_the_SDK_goes_by_the_status_is_info(int status, string type)
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(GatewayProblem(status, type));

        for (var call = 0; call < 2; call++)
        {
            await Assert.ThrowsAnyAsync<NexGenApiException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));
        }

        Assert.Equal([("getAppointment", "$.type", "problem-type-changed", "info")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, type);
    }

    [Fact]
    public async Task A_409_whose_type_the_contract_does_not_document_is_breaking_the_SDK_no_longer_sees_a_slot_conflict()
    {
        Harness.Server.Given(Request.Create().UsingPost()).RespondWith(GatewayProblem(409, ProblemTypes.Prefix + "slot-taken"));

        var exception = await Assert.ThrowsAsync<NexGenConflictException>(() => Harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment(), "key-1"));

        Assert.IsNotType<NexGenSlotConflictException>(exception);
        Assert.Equal([("createAppointment", "$.type", "problem-type-changed", "breaking")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, "slot-taken");
    }

    [Fact]
    public async Task A_422_about_blank_is_breaking_the_SDK_reads_the_type_to_tell_a_key_mismatch_from_a_validation_error()
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(GatewayProblem(422, "about:blank"));

        await Assert.ThrowsAsync<NexGenValidationException>(() => Harness.Client.Patients.SearchAsync("smith"));

        Assert.Equal([("searchPatients", "$.type", "problem-type-changed", "breaking")], DriftLog.Of(Harness));
    }

    [Theory]
    [InlineData(404, "not-found")]
    [InlineData(503, "service-down")]
    public async Task A_documented_problem_type_or_a_proxys_5xx_is_not_drift(int status, string type)
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(status, type, "Error"));

        await Assert.ThrowsAnyAsync<NexGenApiException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));

        Assert.Empty(DriftLog.Of(Harness));
        Assert.Empty(Counter.All);
    }

    // A 401 carries the challenge RFC 9110 requires: its absence is drift of its own.
    private static IResponseBuilder GatewayProblem(int status, string type)
    {
        var problem = SdkHarness.Json(status, $$"""{"type":"{{type}}","title":"Error","status":{{status}}}""", "application/problem+json");
        return status == 401 ? problem.WithHeader("WWW-Authenticate", "Bearer") : problem;
    }
}
