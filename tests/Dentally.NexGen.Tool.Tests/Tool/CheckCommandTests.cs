using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Tool.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Tool.Tests.Tool;

/// <summary><c>nexgen check</c>: the report in each format, and exit codes 0 (no breaking difference), 1 (one at least) and 2 (could not run, with one line saying why).</summary>
public sealed class CheckCommandTests : IAsyncDisposable
{
    private readonly SandboxFixture _fixture = new();

    [Fact]
    public async Task A_server_that_matches_the_contract_exits_0_with_a_quiet_report()
    {
        var run = await ToolRun.RunAsync(Check("--token", _fixture.Sandbox.Token));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No difference from contract 2026-01-01.", run.Output.Trim());
        Assert.StartsWith($"Checking {_fixture.BaseAddress} against the NexGen contract 2026-01-01 (read-only", run.Error, StringComparison.Ordinal);
        Assert.Contains("  GET searchPatients", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Sandbox.Token, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_comes_from_DENTALLY_NEXGEN_TOKEN_when_not_given()
    {
        var run = await ToolRun.RunAsync(new Dictionary<string, string> { ["DENTALLY_NEXGEN_TOKEN"] = _fixture.Sandbox.Token }, Check());

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_breaking_difference_exits_1_and_the_json_report_names_it()
    {
        var patient = await _fixture.GetJsonAsync($"{_fixture.Org}/patients/{SandboxSeed.JaneSmith}");
        patient.Remove("last_name");
        _fixture.Serve($"{_fixture.Org}/patients/{SandboxSeed.JaneSmith}", 200, patient);
        var file = Path.Combine(Path.GetTempPath(), $"nexgen-check-{Guid.NewGuid():N}.json");

        try
        {
            var run = await ToolRun.RunAsync(Check("--token", _fixture.Sandbox.Token, "--format", "json", "--out", file));

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.Output);
            var report = JObject.Parse(await File.ReadAllTextAsync(file));
            Assert.Equal("2026-01-01", (string?)report["contract_version"]);
            var difference = Assert.Single((JArray)report["differences"]!);
            JToken expected = JObject.Parse("""
                {"operation":"getPatient","path":"$.last_name","class":"breaking","kind":"missing-required-member","expected":"required member","actual":"missing","request_id":"req_drift"}
                """);
            Assert.True(JToken.DeepEquals(expected, difference), difference.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Only_additive_differences_exit_0_and_the_text_report_groups_them_by_operation()
    {
        var site = await _fixture.GetJsonAsync($"/v2/sites/{SandboxSeed.MainStreetDental}");
        site["parking_spaces"] = 12;
        _fixture.Serve($"/v2/sites/{SandboxSeed.MainStreetDental}", 200, site);

        var run = await ToolRun.RunAsync(Check("--token", _fixture.Sandbox.Token));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "getSite",
                "  additive  undocumented-member at $.parking_spaces: contract says no such member; server sent integer (request req_drift)",
                "Contract 2026-01-01: 0 breaking, 1 additive, 0 info.",
            ],
            run.Output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task A_refused_token_exits_2_with_one_line()
    {
        var run = await ToolRun.RunAsync(Check("--token", "not-the-token"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("nexgen: The server refused the token (401 on listSites): check that the token is current and meant for this server.", run.LastErrorLine);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("DPoP algs=\"ES256\"", "The server asks for DPoP authentication, not the Bearer token of the contract (401 on listSites with WWW-Authenticate: DPoP): the API's authentication has changed; see whether a newer SDK supports it.")]
    // Mid-migration, a server that still offers Bearer beside another scheme refused the token, not the contract's authentication.
    [InlineData("DPoP algs=\"ES256\", Bearer", "The server refused the token (401 on listSites): check that the token is current and meant for this server.")]
    // The API now points to where its tokens come from (RFC 9728): named, without its query.
    [InlineData("Bearer error=\"invalid_token\", resource_metadata=\"https://api.example.com/.well-known/oauth-protected-resource?x=1\"", "The server refused the token (401 on listSites): check that the token is current and meant for this server; it names its protected-resource metadata at https://api.example.com/.well-known/oauth-protected-resource, so it may now take tokens only from the authorization server listed there.")]
    public async Task A_401_exits_2_naming_another_scheme_only_when_Bearer_is_not_offered(string challenge, string message)
    {
        _fixture.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet().WithPath("/v2/sites")).AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", challenge).WithHeader("X-Request-Id", "req_auth"));

        var run = await ToolRun.RunAsync(Check("--token", _fixture.Sandbox.Token));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("nexgen: " + message, run.LastErrorLine);
        Assert.DoesNotContain(_fixture.Sandbox.Token, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_for_the_practice_where_no_token_still_gets_401_exits_2_naming_the_practice()
    {
        // Only the token's requests are refused with 403: the check's request without one still gets the contract's 401.
        _fixture.Serve("/v2/sites", 403, SandboxFixture.Problem(403, "forbidden"), "application/problem+json");

        var run = await ToolRun.RunAsync(Check("--token", _fixture.Sandbox.Token));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"nexgen: The token may not see practice {_fixture.Sandbox.PracticeId} (403 on listSites): check the practice id and the token's scope.", run.LastErrorLine);
    }

    [Fact]
    public async Task An_unreachable_server_exits_2_with_one_line()
    {
        var address = _fixture.BaseAddress;
        await _fixture.DisposeAsync();

        var run = await ToolRun.RunAsync("check", "--base-url", address.ToString(), "--org", "org_1", "--practice", "practice_1", "--token", "t");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"nexgen: Could not reach {address.ToString().TrimEnd('/')} (", run.LastErrorLine, StringComparison.Ordinal);
        Assert.EndsWith("check the base URL and the network.", run.LastErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_in_the_check_itself_exits_2_with_one_line_and_no_value()
    {
        using var faulty = new Faulty();

        var run = await ToolRun.RunAsync(faulty, Check("--token", _fixture.Sandbox.Token));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("nexgen: the check failed unexpectedly (System.InvalidOperationException); please report it with the progress lines above.", run.LastErrorLine);
        Assert.DoesNotContain("Jane", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no token: pass --token or set DENTALLY_NEXGEN_TOKEN.", "check", "--base-url", "https://api.example.com", "--org", "o", "--practice", "p")]
    [InlineData("--base-url must be an absolute URL such as https://api.example.com.", "check", "--base-url", "api.example.com", "--org", "o", "--practice", "p", "--token", "t")]
    [InlineData("The contract check needs an https base address (http only on loopback).", "check", "--base-url", "http://api.example.com", "--org", "o", "--practice", "p", "--token", "t")]
    [InlineData("The contract check needs the API's root as base address, without the contract's paths: 'https://api.example.com/' instead of 'https://api.example.com/api/v1'.", "check", "--base-url", "https://api.example.com/api/v1", "--org", "o", "--practice", "p", "--token", "t")]
    [InlineData("The contract check needs the token alone, without its 'Bearer ' prefix (the check adds it).", "check", "--base-url", "https://api.example.com", "--org", "o", "--practice", "p", "--token", "Bearer tok_1")]
    [InlineData("Option '--org' is required. Run 'nexgen check --help' for the options.", "check", "--base-url", "https://api.example.com", "--practice", "p", "--token", "t")]
    [InlineData("Argument 'xml' not recognized. Must be one of: 'text' 'json'. Run 'nexgen check --help' for the options.", "check", "--base-url", "https://api.example.com", "--org", "o", "--practice", "p", "--token", "t", "--format", "xml")]
    public async Task Arguments_it_cannot_use_exit_2_with_one_line_before_any_request(string message, params string[] args)
    {
        var run = await ToolRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("nexgen: " + message, run.Error.Trim());
        Assert.Empty(_fixture.Sandbox.ReceivedRequests);
    }

    [Fact]
    public async Task A_check_stopped_by_Ctrl_C_exits_2_with_one_line_not_1()
    {
        using var stop = new CancellationTokenSource();
        using var stopping = new StopAtProviders(stop);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, _ => null) { TimeProvider = GuideDay.NewClock(), HttpMessageHandler = stopping };

        // Before: exit 1, "at least one breaking difference", for a run a CI job's SIGTERM ended.
        var exit = await NexGenCommandLine.RunAsync(Check("--token", _fixture.Sandbox.Token), console, stop.Token);

        Assert.Equal(2, exit);
        Assert.StartsWith("nexgen: the check was stopped before it finished", error.ToString().TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    private string[] Check(params string[] more) =>
    [
        "check", "--base-url", _fixture.BaseAddress.ToString(), "--org", _fixture.Sandbox.OrganizationId, "--practice", _fixture.Sandbox.PracticeId, .. more,
    ];

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    /// <summary>Ctrl+C pressed as the check asks for the providers.</summary>
    private sealed class StopAtProviders(CancellationTokenSource stop) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/providers", StringComparison.Ordinal))
            {
                await stop.CancelAsync();
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Any fault the check does not expect, with a message quoting an answer.</summary>
    private sealed class Faulty : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => throw new InvalidOperationException("Unexpected value 'Jane Smith'.");
    }
}
