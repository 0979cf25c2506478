using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// A problem member of another type that no lossless conversion reads — a <c>status</c> no int holds — costs
/// that member only: the problem's type (which picks the exception), title, detail and fields are kept, and the
/// member is reported once per operation as <c>type-changed</c> at its path, never its value.
/// </summary>
[Collection(DriftCounterTests.Name)]
public sealed class ProblemMemberDriftTests : DriftTestBase
{
    [Theory]
    [InlineData("99999999999")]
    [InlineData("99999999999999999999999")]
    [InlineData("422.5")]
    [InlineData("\"many\"")]
    [InlineData("null")]
    public async Task A_problem_whose_status_no_int_holds_keeps_the_rest_of_the_problem_and_reports_the_member(string status)
    {
        var body = $$$"""{"type":"{{{ProblemTypes.ValidationError}}}","title":"Invalid request","status":{{{status}}},"detail":"Start is in the past","errors":{"scheduled_start":["must be in the future"]}}""";
        Harness.Server.Given(Request.Create().UsingPost()).RespondWith(SdkHarness.Json(422, body, "application/problem+json"));

        for (var call = 0; call < 2; call++)
        {
            // Before: the whole problem was lost, a bare NexGenValidationException without type, title or fields.
            var error = await Assert.ThrowsAsync<NexGenValidationException>(() => Harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment()));

            Assert.Equal(422, error.StatusCode);
            var problem = Assert.IsType<ValidationProblem>(error.Problem);
            Assert.Equal(ProblemTypes.ValidationError, problem.Type.OriginalString);
            Assert.Equal(("Invalid request", "Start is in the past", 0), (problem.Title, problem.Detail, problem.Status));
            Assert.Equal(["scheduled_start"], error.Errors.Keys);
            Assert.StartsWith("Invalid request (HTTP 422", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal([("createAppointment", "$.status", "type-changed", "breaking")], DriftLog.Of(Harness));
        DriftLog.AssertNoValueLogged(Harness, status.Trim('"') is "null" ? "99999999999" : status.Trim('"'), "Start is in the past");
    }
}
