using System.IO.Compression;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// A server may compress a body (RFC 9110 lets it use any coding when the request names none, and a
/// gateway in front of the API often does). The SDK's own transport asks for gzip, deflate and Brotli
/// (gzip and deflate on the netstandard2.0 build) and reads them; <see cref="NexGenClientOptions.MaxResponseBodySize"/> bounds the decoded body, so a small
/// compressed body that expands without end is cut off at the limit.
/// </summary>
public sealed class CompressionTests : IDisposable
{
    private readonly WireMockServer _api = WireMockServer.Start(new WireMockServerSettings { Port = 0, StartAdminInterface = false });

#if NEXGEN_NETSTANDARD_BUILD
    private const string? SkipUnlessBrotli = "The netstandard2.0 build's HttpClientHandler decodes gzip and deflate only: netstandard2.0 has no Brotli.";
#else
    private const string? SkipUnlessBrotli = null;
#endif

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br", Skip = SkipUnlessBrotli)]
    public async Task A_compressed_body_is_asked_for_and_read(string coding)
    {
        _api.Given(Request.Create().UsingGet()).RespondWith(Compressed(coding, Bodies.EmptyProviders));
        var client = new NexGenClient(SdkHarness.NewOptions(_api.Url!));

        var providers = await client.Providers.ListAsync();

        Assert.Equal(0, providers.Total);
        var request = Assert.Single(_api.LogEntries).RequestMessage!;
        Assert.Contains(coding, string.Join(",", request.Headers!["Accept-Encoding"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_size_limit_bounds_the_decoded_body()
    {
        var huge = "{\"items\":[],\"total\":0,\"padding\":\"" + new string(' ', 1024 * 1024) + "\"}";
        _api.Given(Request.Create().UsingGet()).RespondWith(Compressed("gzip", huge));
        var options = SdkHarness.NewOptions(_api.Url!);
        options.MaxResponseBodySize = 64 * 1024;
        options.Retry.MaxRetries = 0;
        var client = new NexGenClient(options);

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Providers.ListAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("larger than the limit", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _api.Dispose();

    private static IResponseBuilder Compressed(string coding, string json)
    {
        using var buffer = new MemoryStream();
        using (Stream encoder = coding switch
        {
            "gzip" => new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
            _ => new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            encoder.Write(Encoding.UTF8.GetBytes(json));
        }

        return Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Content-Encoding", coding)
            .WithHeader("X-Request-Id", "req_compressed")
            .WithBody(buffer.ToArray());
    }
}
