using System.Net.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>The generated clients resolve paths below HttpClient.BaseAddress, with or without a trailing slash.</summary>
public sealed class BaseAddressTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/nexgen")]
    [InlineData("/nexgen/")]
    public async Task Paths_resolve_below_the_base_address(string prefix)
    {
        _server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[],"total":0}"""));
        using var http = new HttpClient { BaseAddress = new Uri(_server.Url + prefix) };

        await new ProvidersClient(http).ListProvidersAsync("org_1");

        var expected = prefix.TrimEnd('/') + "/api/v1/org_1/providers";
        Assert.Equal(expected, _server.LogEntries.Single().RequestMessage!.AbsolutePath);
    }

    [Fact]
    public async Task A_missing_base_address_is_a_clear_error_before_sending()
    {
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ProvidersClient(http).ListProvidersAsync("org_1"));

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public void The_generated_clients_do_not_dispose_the_injected_HttpClient()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.Url!) };
        var client = new SitesClient(http);

        Assert.False(client is IDisposable, "a generated client owns the HttpClient's lifetime");
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
