using System.Net.Http.Headers;
using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Bearer authentication, practice scoping (X-Practice-Id) and organisation scoping (org_id).</summary>
public sealed class AuthAndScopingTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_missing_or_wrong_token_is_a_401_with_WWW_Authenticate_Bearer(string? authorization)
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        var response = await Raw.SendAsync(http, HttpMethod.Get, Raw.Org(_sandbox) + "/providers", json: null, headers: h =>
        {
            if (authorization is not null)
            {
                h.TryAddWithoutValidation("Authorization", authorization);
            }
        });

        await Raw.ProblemAsync(response, 401, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_SDK_with_a_wrong_token_gets_NexGenUnauthorizedException()
    {
        var client = Sandboxes.Client(_sandbox, o => o.Token = "not-the-token");

        var error = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => client.Patients.SearchAsync("Smith"));

        Assert.Equal(401, error.StatusCode);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task Sites_without_X_Practice_Id_are_a_400_malformed_request()
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Token);

        var response = await Raw.GetAsync(http, "/v2/sites");

        var problem = await Raw.ProblemAsync(response, 400, "malformed-request");
        Assert.Equal("The X-Practice-Id header is required.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Another_practice_is_a_403_on_sites_and_on_the_organisation_API()
    {
        using var http = _sandbox.CreateHttpClient();
        http.DefaultRequestHeaders.Remove("X-Practice-Id");
        http.DefaultRequestHeaders.Add("X-Practice-Id", "practice_99");

        await Raw.ProblemAsync(await Raw.GetAsync(http, "/v2/sites"), 403, "forbidden");
        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/patients"), 403, "forbidden");
        var client = Sandboxes.Client(_sandbox, o => o.PracticeId = "practice_99");
        await Assert.ThrowsAsync<NexGenForbiddenException>(() => client.Sites.GetAsync(SandboxSeed.MainStreetDental));
    }

    [Fact]
    public async Task X_Practice_Id_is_optional_on_the_organisation_API()
    {
        using var http = _sandbox.CreateHttpClient();
        http.DefaultRequestHeaders.Remove("X-Practice-Id");

        var response = await Raw.GetAsync(http, Raw.Org(_sandbox) + "/appointment-types");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Another_organisation_is_a_403()
    {
        var client = Sandboxes.Client(_sandbox, o => o.OrganizationId = "org_someone_else");

        var error = await Assert.ThrowsAsync<NexGenForbiddenException>(() => client.Providers.ListAsync());

        Assert.Contains("org_someone_else", error.Problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authentication_comes_before_scoping_and_routing()
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };

        await Raw.ProblemAsync(await Raw.GetAsync(http, "/api/v1/org_other/patients"), 401, "unauthorized");
        await Raw.ProblemAsync(await Raw.GetAsync(http, "/nowhere"), 401, "unauthorized");
    }

    [Fact]
    public async Task An_unknown_operation_is_a_404_problem()
    {
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/invoices"), 404, "not-found");
        await Raw.ProblemAsync(await Raw.SendAsync(http, HttpMethod.Delete, Raw.Org(_sandbox) + "/patients/" + SandboxSeed.JaneSmith, json: null), 404, "not-found");
    }

    [Fact]
    public async Task A_path_in_another_case_is_no_operation_of_the_contract()
    {
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.GetAsync(http, "/V2/Sites"), 404, "not-found");
        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/Patients"), 404, "not-found");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Raw.GetAsync(http, "/v2/sites/")).StatusCode);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
