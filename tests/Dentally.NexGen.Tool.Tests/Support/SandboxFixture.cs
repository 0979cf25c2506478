using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.ContractCheck;
using Microsoft.Extensions.Time.Testing;
using WireMock.Matchers;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Dentally.NexGen.Tool.Tests.Support;

/// <summary>
/// A sandbox on a fake clock (the guide's day, 2025-05-19) behind a WireMock server, check options
/// pointing at that server, and answers that drift from the contract served in place of the sandbox's
/// own: WireMock answers what a test gives it, and passes every other request on to the sandbox.
/// </summary>
internal sealed class SandboxFixture : IAsyncDisposable
{
    public SandboxFixture()
    {
        Sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { TimeProvider = Clock });
        Server = WireMockServer.Start(new WireMockServerSettings { Port = 0, StartAdminInterface = false });
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(100)
            .RespondWith(Response.Create().WithProxy(Sandbox.BaseAddress.ToString().TrimEnd('/')));
    }

    /// <summary>Books two appointments on the guide's day, so that appointment lists have items.</summary>
    public void BookTwo()
    {
        Sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 9, 0, 0), patientUuid: SandboxSeed.JaneSmith);
        Sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 11, 0, 0), patientUuid: SandboxSeed.JaneSmith);
    }

    /// <summary>Books a third appointment on the guide's day, so that a list of two a page has a page 2.</summary>
    public void BookThird() => Sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 14, 0, 0), patientUuid: SandboxSeed.JaneSmith);

    public FakeTimeProvider Clock { get; } = GuideDay.NewClock();

    public NexGenSandbox Sandbox { get; }

    /// <summary>The server in front of the sandbox.</summary>
    public WireMockServer Server { get; }

    /// <summary>The address a check is pointed at: the server in front of the sandbox.</summary>
    public Uri BaseAddress => new(Server.Url!);

    public ContractCheckOptions Options(bool allowWrites = false) => new()
    {
        BaseAddress = BaseAddress,
        OrganizationId = Sandbox.OrganizationId,
        PracticeId = Sandbox.PracticeId,
        Token = Sandbox.Token,
        AllowWrites = allowWrites,
        TimeProvider = Clock,
    };

    /// <summary>The methods of every request the server received, WireMock overrides included.</summary>
    public IReadOnlyList<string> ReceivedMethods => Server.LogEntries.Select(e => e.RequestMessage!.Method).ToList();

    /// <summary>The <c>/api/v1/{org_id}</c> prefix of the sandbox's organisation.</summary>
    public string Org => "/api/v1/" + Sandbox.OrganizationId;

    /// <summary>The sandbox's own answer to a GET, as JSON, to serve changed.</summary>
    public async Task<JObject> GetJsonAsync(string pathAndQuery)
    {
        using var http = Sandbox.CreateHttpClient();
        return JObject.Parse(await http.GetStringAsync(new Uri(pathAndQuery, UriKind.Relative)));
    }

    /// <summary>Serves this answer to GET <paramref name="path"/> (&lt;c&gt;*&lt;/c&gt; matches anything; requests <paramref name="match"/> narrows) instead of the sandbox's.</summary>
    public void Serve(string path, int status, JToken? body, string mediaType = "application/json", bool withRequestId = true, Func<IRequestBuilder, IRequestBuilder>? match = null, string? header = null, string? headerValue = null)
    {
        var request = Request.Create().UsingGet().WithPath(new WildcardMatcher(path));
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", mediaType);
        if (header is not null)
        {
            response = response.WithHeader(header, headerValue ?? string.Empty);
        }

        if (withRequestId)
        {
            response = response.WithHeader("X-Request-Id", "req_drift");
        }

        if (body is not null)
        {
            response = response.WithBody(body.ToString());
        }

        // By default only the check's own authenticated requests for its practice get the drifting
        // answer; the 401 and 403 probes, the search for a name no patient has and page 2 still reach the sandbox.
        match ??= r => r.WithHeader("X-Practice-Id", Sandbox.PracticeId).WithHeader("Authorization", "*").WithParam(p => p is null || !(p.ContainsKey("query") || p.ContainsKey("page")));
        Server.Given(match(request)).AtPriority(1).RespondWith(response);
    }

    /// <summary>A problem body of the documented shape.</summary>
    public static JObject Problem(int status, string type) => new()
    {
        ["type"] = "https://docs.api.dentally.com/problems/" + type,
        ["title"] = type,
        ["status"] = status,
    };

    public async ValueTask DisposeAsync()
    {
        Server.Stop();
        Server.Dispose();
        await Sandbox.DisposeAsync();
    }
}
