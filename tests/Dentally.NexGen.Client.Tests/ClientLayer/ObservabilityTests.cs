using System.Diagnostics;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>Logs and activities describe every attempt without tokens, identifiers in paths, or query values.</summary>
public sealed class ObservabilityTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Fact]
    public async Task Each_attempt_is_logged_with_its_path_template_status_and_request_id_but_no_secrets()
    {
        _harness.RespondInSequence(Request.Create().UsingGet(),
            SdkHarness.Problem(503, "server-error", "Unavailable"),
            SdkHarness.Json(200, Bodies.PatientPage(1, 5, 1, 1)));

        await _harness.Client.Patients.SearchAsync("Jane Smith", 1, 5);
        var unauthorized = new SdkHarness();
        unauthorized.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(401, "unauthorized", "Unauthorized"));
        var error = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => unauthorized.Client.Patients.GetAsync(Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890")));

        var lines = _harness.Logs.GetSnapshot().Select(r => r.Message).Concat(unauthorized.Logs.GetSnapshot().Select(r => r.Message)).ToList();
        unauthorized.Dispose();
        Assert.Contains(lines, l => l.Contains("HTTP GET /api/v1/{org_id}/patients answered 503", StringComparison.Ordinal) && l.Contains("attempt 1", StringComparison.Ordinal) && l.Contains("req_503", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HTTP GET /api/v1/{org_id}/patients answered 200", StringComparison.Ordinal) && l.Contains("attempt 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HTTP GET /api/v1/{org_id}/patients/{patient_uuid} answered 401", StringComparison.Ordinal));
        // The tenant is named once, as identifiers a dashboard can split by; the path is only its template.
        Assert.All(lines, l => Assert.EndsWith($"organisation {SdkHarness.Org}, practice {SdkHarness.Practice})", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("/api/v1/" + SdkHarness.Org, StringComparison.Ordinal));
        Assert.DoesNotContain(SdkHarness.Org, error.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { SdkHarness.Token, "Jane", "a1b2c3d4-e5f6-7890-abcd-ef1234567890" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_client_activity_per_attempt_with_standard_http_tags()
    {
        using var activities = new ActivityRecorder();
        _harness.RespondInSequence(Request.Create().UsingGet(), SdkHarness.Problem(503, "server-error", "Unavailable"), SdkHarness.Json(200, Bodies.EmptyProviders));

        await _harness.Client.Providers.ListAsync(Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012"));

        var all = activities.Stopped;
        var port = new Uri(_harness.Server.Url!).Port;
        var mine = all.Where(a => (string?)a.GetTagItem("url.template") == "/api/v1/{org_id}/providers" && Equals(a.GetTagItem("server.port"), port)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.All(mine, a => Assert.Equal("GET", a.GetTagItem("http.request.method")));
        Assert.Equal(503, mine[0].GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, mine[0].Status);
        Assert.Equal(200, mine[1].GetTagItem("http.response.status_code"));
        Assert.Equal(1, mine[1].GetTagItem("http.request.resend_count"));
        Assert.All(mine, a => Assert.DoesNotContain(a.TagObjects, t => t.Value?.ToString()?.Contains(SdkHarness.Token, StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_sends_logged_duration_is_measured_on_the_options_clock()
    {
        // The clock the send's timeouts run on: on a test clock the logged duration is the same on every machine.
        var clock = new FakeTimeProvider();
        using var transport = new ScriptedHandler().Then((_, _) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(1500));
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(Bodies.EmptyProviders, System.Text.Encoding.UTF8, "application/json") };
            return Task.FromResult(response);
        });
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var options = SdkHarness.NewOptions("http://localhost:9");
        options.TimeProvider = clock;
        var client = new NexGenClient(options, transport, loggers);

        await client.Providers.ListAsync();

        var completed = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "NexGenRequestCompleted");
        Assert.Equal("1500", completed.GetStructuredStateValue("ElapsedMilliseconds"));
    }

    public void Dispose() => _harness.Dispose();
}
