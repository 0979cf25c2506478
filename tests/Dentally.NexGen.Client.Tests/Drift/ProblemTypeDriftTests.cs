using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// An error whose problem <c>type</c> the contract does not document — a <c>slot-conflict</c> renamed, say —
/// reached the caller as the generic exception of its status, and a booking that rebooks on a slot conflict
/// no longer did, without a word. It is reported once per operation as breaking <c>problem-type-changed</c>
/// at <c>$.type</c> (the type is not logged: a server writes it); the call throws as before.
/// </summary>
[Collection(DriftCounterTests.Name)]
public sealed class ProblemTypeDriftTests : DriftTestBase
{

    [Fact]
    public async Task A_problem_type_the_contract_does_not_document_is_breaking_drift()
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(404, "appointment-archived", "Archived"));

        for (var call = 0; call < 2; call++)
        {
            await Assert.ThrowsAsync<NexGenNotFoundException>(() => Harness.Client.Appointments.GetAsync(AppointmentUuid));
        }

        Assert.Equal([("getAppointment", "$.type", "problem-type-changed", "breaking")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, "appointment-archived");
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
}
