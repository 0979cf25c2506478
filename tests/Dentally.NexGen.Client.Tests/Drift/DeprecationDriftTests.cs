using Dentally.NexGen.Client.Tests.Contract;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// A live API that announces an operation is going — a <c>Deprecation</c> (RFC 9745) or <c>Sunset</c> (RFC 8594)
/// header on its answers, as a redesign of the Patients surface would first show — is reported once per
/// operation as info drift (<c>deprecated</c>): the call works today, and the integrator hears of it before it stops.
/// </summary>
[Collection(DriftCounterTests.Name)]
public sealed class DeprecationDriftTests : DriftTestBase
{

    [Theory]
    [InlineData("Deprecation", "@1767225600")]
    [InlineData("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT")]
    public async Task An_answer_announcing_its_operation_is_deprecated_is_read_and_reported_once(string header, string value)
    {
        Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, GuideJson.PatientSearch).WithHeader(header, value));

        for (var call = 0; call < 2; call++)
        {
            var page = await Harness.Client.Patients.SearchAsync("smith");
            Assert.Equal(2, page.Items.Count);
        }

        Assert.Equal([("searchPatients", "header " + header, "deprecated", "info")], DriftLog.Of(Harness));
        Assert.Equal("info", Assert.Single(Counter.All)[NexGenDiagnostics.DriftClassTag]);
        DriftLog.AssertNoValueLogged(Harness, value);
    }

    [Fact]
    public async Task With_reporting_off_a_deprecation_is_not_looked_for()
    {
        using var harness = new SdkHarness(o => o.ReportContractDrift = false);
        harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, GuideJson.PatientSearch).WithHeader("Deprecation", "@1767225600"));

        await harness.Client.Patients.SearchAsync("smith");

        Assert.Empty(DriftLog.Of(harness));
        Assert.Empty(Counter.All);
    }
}
