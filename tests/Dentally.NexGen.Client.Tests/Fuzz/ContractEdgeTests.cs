using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using static Dentally.NexGen.Client.Tests.Fuzz.FuzzRequest;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>The requests the fuzz test first found answered outside the contract, each pinned by a test of its own.</summary>
public sealed class ContractEdgeTests : IAsyncLifetime
{
    private FuzzTarget _target = null!;

    public async Task InitializeAsync() => _target = await FuzzTarget.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    [Theory]
    [InlineData("=")]
    [InlineData("=x")]
    [InlineData("=&page=1")]
    public async Task An_empty_query_name_is_an_unknown_parameter_ignored_not_a_500(string query)
    {
        var pairs = query.Split('&').Select(p => Pair(p[..p.IndexOf('=', StringComparison.Ordinal)], p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToArray();

        var (response, violations) = await SendAsync(Request("listSites", "/v2/sites", query: pairs));

        Assert.Equal(200, response.Status);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_page_size_out_of_range_on_an_operation_without_422_is_a_400_malformed_request()
    {
        var (response, violations) = await SendAsync(Request("listSites", "/v2/sites", query: [Pair("page_size", "0")]));

        Assert.Equal(400, response.Status);
        Assert.EndsWith("/malformed-request", (string?)JObject.Parse(response.Body)["type"], StringComparison.Ordinal);
        Assert.Contains("page_size", response.Body, StringComparison.Ordinal);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_header_byte_from_0x80_to_0xFF_gets_a_problem_with_a_request_id()
    {
        var (response, violations) = await SendAsync(Request("listSites", "/v2/sites", practice: "pr\u00e1ctica\u00ff"));

        Assert.Equal(403, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task An_idempotency_key_with_a_byte_from_0x80_to_0xFF_is_a_key_like_any_other()
    {
        var body = """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10"}""";
        var plain = Request("createPatient", $"/api/v1/{_target.Organization}/patients", body: body);
        var request = plain with { Headers = [.. plain.Headers, Pair("Idempotency-Key", "cl\u00e9-\u00e8")] };

        var (first, violations) = await SendAsync(request);
        var (replay, _) = await SendAsync(request);

        Assert.Equal(201, first.Status);
        Assert.Empty(violations);
        Assert.Equal(first.Body, replay.Body);
    }

    [Fact]
    public async Task A_path_segment_with_non_ASCII_characters_is_percent_encoded_in_the_problem_instance()
    {
        var (response, violations) = await SendAsync(Request("getSite", "/v2/sites/%C3%A0y"));

        Assert.Equal(404, response.Status);
        Assert.Equal("/v2/sites/%C3%A0y", (string?)JObject.Parse(response.Body)["instance"]);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_request_the_web_server_refuses_itself_still_gets_a_problem_with_a_request_id()
    {
        var (response, violations) = await SendAsync(Request("getSite", "/v2/sites/%00"));

        Assert.Equal(400, response.Status);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Headers_too_large_for_the_web_server_are_a_documented_400_not_a_bare_431()
    {
        var plain = Request("listSites", "/v2/sites");
        var request = plain with { Headers = [.. plain.Headers, Pair("X-Filler", new string('f', 40_000))] };

        var (response, violations) = await SendAsync(request);

        Assert.Equal(400, response.Status);
        Assert.Contains("431", response.Body, StringComparison.Ordinal);
        Assert.Empty(violations);
    }

    private async Task<(FuzzResponse Response, IReadOnlyList<string> Violations)> SendAsync(FuzzRequest request)
    {
        using var client = new FuzzClient(_target.BaseAddress);
        var response = await client.SendAsync(request);
        return (response, ResponseCheck.Violations(request, response, validMustSucceed: false));
    }

    private FuzzRequest Request(string operationId, string path, KeyValuePair<string, string>[]? query = null, string? practice = null, string? body = null)
        => new(
            SpecOperation.All(ContractSpec.Instance).Single(o => o.Id == operationId),
            path,
            query ?? [],
            [Pair("Authorization", "Bearer " + _target.Token), Pair("X-Practice-Id", practice ?? _target.Practice)],
            body,
            Mutation: "a pinned edge case");
}
