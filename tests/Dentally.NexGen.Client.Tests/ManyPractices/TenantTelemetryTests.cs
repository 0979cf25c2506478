using System.Diagnostics;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>Telemetry names the tenant of every send, so a partner's dashboards split by practice.</summary>
public sealed class TenantTelemetryTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Fact]
    public async Task Each_http_activity_and_log_event_names_its_scopes_organisation_and_practice()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
        using var activities = new ActivityRecorder();

        ActivityTraceId trace;
        using (var root = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = root.TraceId;
            await _harness.Client.ForPractice("org_tagged", "practice_tagged").Providers.ListAsync();
            await _harness.Client.Providers.ListAsync();
        }

        var mine = activities.Under(trace).Where(a => a.Kind == ActivityKind.Client).ToList();

        Assert.Equal(
            new (string?, string?)[] { ("org_tagged", "practice_tagged"), (SdkHarness.Org, SdkHarness.Practice) },
            mine.Select(a => ((string?)a.GetTagItem(NexGenDiagnostics.OrganizationIdTag), (string?)a.GetTagItem(NexGenDiagnostics.PracticeIdTag))));
        var logged = _harness.Logs.GetSnapshot().Where(r => r.Id.Name == "NexGenRequestCompleted").ToList();
        Assert.Equal(
            new (string?, string?)[] { ("org_tagged", "practice_tagged"), (SdkHarness.Org, SdkHarness.Practice) },
            logged.Select(r => (r.GetStructuredStateValue("OrganizationId"), r.GetStructuredStateValue("PracticeId"))));
    }

    public void Dispose() => _harness.Dispose();
}
