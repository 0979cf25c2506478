using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>
/// A read-only check sends GET requests only, whatever the server answers — asserted on what a server
/// that gives the same answer to every request received. Each answer is one that could tempt a check
/// to go on: lists with ids, a created resource, conflicts, errors, garbage.
/// </summary>
public sealed class ReadOnlyTests : IDisposable
{
    private const string ListWithIds = """
        {"items":[{"uuid":"e5f6a7b8-c9d0-1234-efab-345678901234","is_active":true,"provider_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","location_uuid":"c3d4e5f6-a7b8-9012-cdef-123456789012","scheduled_start":"2025-07-18T09:00:00","scheduled_end":"2025-07-18T10:00:00","status":"scheduled"}],"page":1,"page_size":20,"total":1,"timezone":"Europe/London"}
        """;

    private readonly WireMockServer _server = WireMockServer.Start();

    [Theory]
    [InlineData(200, "application/json", ListWithIds)]
    [InlineData(201, "application/json", ListWithIds)]
    [InlineData(200, "application/json", "{}")]
    [InlineData(404, "application/problem+json", """{"type":"https://docs.api.dentally.com/problems/not-found","title":"Not found","status":404}""")]
    [InlineData(409, "application/problem+json", """{"type":"https://docs.api.dentally.com/problems/slot-conflict","title":"Conflict","status":409}""")]
    [InlineData(500, "application/problem+json", """{"type":"https://docs.api.dentally.com/problems/server-error","title":"Error","status":500}""")]
    [InlineData(200, "text/html", "<html>maintenance</html>")]
    [InlineData(401, "application/problem+json", """{"type":"https://docs.api.dentally.com/problems/unauthorized","title":"Unauthorized","status":401}""")]
    public async Task Whatever_the_server_answers_a_read_only_check_sends_only_GET(int status, string mediaType, string body)
    {
        _server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", mediaType).WithHeader("X-Request-Id", "req_1").WithBody(body));
        var options = ServerOptions();

        try
        {
            await NexGenContractCheck.RunAsync(options);
        }
        catch (NexGenContractCheckException)
        {
            // A refused token ends the check; what was sent until then still counts.
        }

        Assert.NotEmpty(_server.LogEntries);
        Assert.All(_server.LogEntries, e => Assert.Equal("GET", e.RequestMessage!.Method));
    }

    [Fact]
    public async Task An_answer_naming_a_charset_dotnet_does_not_know_is_checked_not_a_crash()
    {
        // charset=utf8, a common misspelling: ReadAsStringAsync would throw InvalidOperationException.
        _server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf8").WithHeader("X-Request-Id", "req_1").WithBody(ListWithIds));

        var report = await NexGenContractCheck.RunAsync(ServerOptions());

        Assert.NotEmpty(report.Differences);
        Assert.DoesNotContain(report.Differences, d => d.Kind == "media-type-changed");
    }

    [Fact]
    public async Task An_answer_whose_compression_does_not_decode_ends_the_check_with_a_reason()
    {
        // Content-Encoding: gzip over a plain body (a proxy that labels what it did not compress): GZipStream throws InvalidDataException.
        _server.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("Content-Encoding", "gzip").WithHeader("X-Request-Id", "req_1").WithBody(ListWithIds));

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(ServerOptions()));

        Assert.StartsWith("The answer to listSites from ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("could not be decoded", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_read_only_guard_refuses_a_write_before_it_leaves_the_process()
    {
        using var guard = new Dentally.NexGen.ContractCheck.Probing.ReadOnlyGuard(new HttpClientHandler());
        using var http = new HttpClient(guard);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => http.PostAsync(new Uri(_server.Url + "/api/v1/org_1/appointments"), new StringContent("{}")));

        Assert.Equal("A read-only contract check never sends POST; allow writes to check the booking lifecycle.", refused.Message);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task Incomplete_options_are_refused_before_any_request()
    {
        var options = new ContractCheckOptions { BaseAddress = new Uri(_server.Url!), PracticeId = "practice_1", ForeignPracticeId = "practice_1", DaysAhead = 0 };

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        Assert.Equal("The contract check needs an organisation id, a token, DaysAhead between 1 and 365, a ForeignPracticeId other than the practice checked.", refused.Message);
        Assert.Empty(_server.LogEntries);
    }

    [Theory]
    [InlineData("api/v1")]
    [InlineData("api/v1/org_1")]
    public async Task A_base_address_copied_from_a_curl_line_is_refused_with_the_root_to_use(string contractPath)
    {
        // Sent as it is, every probe would go to /api/v1/api/v1/… and the 403 or 404 would blame the token or the practice.
        var root = new Uri(_server.Url! + "/");
        var options = new ContractCheckOptions { BaseAddress = new Uri(root, contractPath), OrganizationId = "org_1", PracticeId = "practice_1", Token = "token" };

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        Assert.Equal($"The contract check needs the API's root as base address, without the contract's paths: '{root}' instead of '{root}{contractPath}'.", refused.Message);
        Assert.Empty(_server.LogEntries);
    }

    [Theory]
    [InlineData("http://partner:pa55word@{0}/")]
    [InlineData("http://{0}/?api_key=pa55word")]
    public async Task A_base_address_with_a_password_or_key_is_refused_before_any_request_without_quoting_it(string address)
    {
        // The address is quoted by every message naming the server (could not reach, no answer within…).
        var options = new ContractCheckOptions { BaseAddress = new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, new Uri(_server.Url!).Authority)), OrganizationId = "org_1", PracticeId = "practice_1", Token = "token" };

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        Assert.Contains("without user info", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task A_token_pasted_with_its_bearer_prefix_is_refused_before_any_request()
    {
        var options = new ContractCheckOptions { BaseAddress = new Uri(_server.Url!), OrganizationId = "org_1", PracticeId = "practice_1", Token = "Bearer tok_1" };

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        Assert.Equal("The contract check needs the token alone, without its 'Bearer ' prefix (the check adds it).", refused.Message);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task A_redirect_is_reported_as_a_moved_operation_not_followed_to_blame_the_token()
    {
        // Every path moved to /api/v2; followed, the request would arrive there without its Authorization header.
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(["/v2/*", "/api/v1/*"])))
            .RespondWith(Response.Create().WithStatusCode(308).WithHeader("Location", _server.Url + "/api/v2/moved").WithHeader("X-Request-Id", "req_moved"));
        _server.Given(Request.Create().WithPath("/api/v2/moved"))
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("WWW-Authenticate", "Bearer").WithHeader("X-Request-Id", "req_1"));
        var options = ServerOptions();

        var report = await NexGenContractCheck.RunAsync(options);

        var listSites = Assert.Single(report.Differences, d => d.Operation == "listSites" && d.Kind == "redirected");
        Assert.Equal(("status", DifferenceClass.Breaking, "308 redirect to another path on this host", "req_moved"), (listSites.Path, listSites.Class, listSites.Actual, listSites.RequestId));
        Assert.Contains(report.Differences, d => d.Operation == "listProviders" && d.Kind == "redirected");
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage!.Path == "/api/v2/moved");
    }

    [Fact]
    public async Task A_403_even_without_a_token_ends_the_check_naming_the_authentication_not_the_practice()
    {
        // The API moved to answering 403 where the contract has 401: the refused token would be blamed on the practice.
        _server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/problem+json")
            .WithBody("""{"type":"https://docs.api.dentally.com/problems/forbidden","title":"Forbidden","status":403}""").WithHeader("X-Request-Id", "req_403"));

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(ServerOptions()));

        Assert.StartsWith("The server answers 403 on listSites even without a token, where the contract has 401", refused.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries, e => !e.RequestMessage!.Headers!.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_base_address_moved_to_another_host_names_that_host_the_address_to_check_next()
    {
        // The whole API moved: every path redirects to the same path on a new host (its path, which may hold an id, is not quoted).
        _server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "https://api2.example.com/v2/sites?page_size=100").WithHeader("X-Request-Id", "req_moved"));

        var report = await NexGenContractCheck.RunAsync(ServerOptions());

        var redirected = report.Differences.Where(d => d.Kind == "redirected").ToList();
        Assert.Contains(redirected, d => d.Operation == "listSites");
        Assert.All(redirected, d => Assert.Equal("301 redirect to host https://api2.example.com", d.Actual));
        Assert.True(report.HasBreakingDifferences);
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_the_check_after_the_request_timeout_on_the_options_clock()
    {
        var clock = GuideDay.NewClock();
        using var stalled = new StalledHandler();
        var options = new ContractCheckOptions
        {
            BaseAddress = new Uri("https://api.example.com"),
            OrganizationId = "org_1",
            PracticeId = "practice_1",
            Token = "token",
            TimeProvider = clock,
            HttpMessageHandler = stalled,
            RequestTimeout = TimeSpan.FromMinutes(5),
        };

        var check = NexGenContractCheck.RunAsync(options);
        await stalled.Received.Task.WaitAsync(TimeSpan.FromSeconds(60));
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.False(check.IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));

        // The wait is only a guard: the clock's advance ends the check at once.
        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => check.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("https://api.example.com did not answer listSites within 300 s; check the base URL and the network.", refused.Message);
    }

    /// <summary>Options for a check of the WireMock server, through the check's own default handler.</summary>
    private ContractCheckOptions ServerOptions() => new()
    {
        BaseAddress = new Uri(_server.Url!),
        OrganizationId = "org_1",
        PracticeId = "practice_1",
        Token = "token",
        TimeProvider = GuideDay.NewClock(),
    };

    public void Dispose() => _server.Dispose();
}
