using System.Net;
using System.Net.Http;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// Response bodies are read into pooled memory (<see cref="ResponseBodyBuffers"/>): the bytes must read
/// back whole, as often as asked (a 409 is read by the retry decision and again by the error reader),
/// keep the headers they came with, and go back to the pool when the response is disposed.
/// </summary>
public sealed class PooledBodyTests
{
    [Fact]
    public async Task A_body_goes_back_to_the_pool_when_its_response_is_disposed()
    {
        var pool = ResponseBodyBuffers.Create();
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(Json(Bodies.EmptyProviders)));
        using var invoker = new HttpMessageInvoker(new ResponseBodyHandler(1024 * 1024, pool) { InnerHandler = transport });

        var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/v1/org/providers"), CancellationToken.None);
        var inUse = pool.SmallPoolInUseSize;
        response.Dispose();

        Assert.True(inUse > 0, "the body should be held in a block from the pool");
        Assert.Equal(0, pool.SmallPoolInUseSize);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_larger_than_a_block_reads_back_whole_and_more_than_once(bool chunked)
    {
        var items = string.Join(",", Enumerable.Range(0, 3000).Select(i => $$"""{"uuid":"{{Guid.NewGuid()}}","name":"Zoë Ōkawa {{i}}"}"""));
        var json = $$"""{"items":[{{items}}],"total":3000}""";
        Assert.True(Encoding.UTF8.GetByteCount(json) > 4 * 32 * 1024, "the body must span several of the pool's blocks");
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(Json(json, chunked)));
        using var invoker = new HttpMessageInvoker(new ResponseBodyHandler(16 * 1024 * 1024, ResponseBodyBuffers.Create()) { InnerHandler = transport });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/v1/org/providers"), CancellationToken.None);

        Assert.Equal(json, await response.Content.ReadAsStringAsync());
        Assert.Equal(json, await response.Content.ReadAsStringAsync());
        Assert.Equal(Encoding.UTF8.GetByteCount(json), response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_body_keeps_the_content_headers_it_came_with()
    {
        using var transport = new ScriptedHandler().Then((_, _) =>
        {
            var answer = Json(Bodies.EmptyProviders);
            answer.Content.Headers.TryAddWithoutValidation("Content-Language", "en-GB");
            answer.Content.Headers.TryAddWithoutValidation("X-Custom-Content", ["one", "two"]);
            return Task.FromResult(answer);
        });
        using var invoker = new HttpMessageInvoker(new ResponseBodyHandler(1024 * 1024, ResponseBodyBuffers.Create()) { InnerHandler = transport });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/v1/org/providers"), CancellationToken.None);

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(["en-GB"], response.Content.Headers.ContentLanguage);
        Assert.Equal(["one", "two"], response.Content.Headers.GetValues("X-Custom-Content"));
    }

    private static HttpResponseMessage Json(string json, bool chunked = false)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        // Without a declared length, as a chunked answer arrives.
        content.Headers.ContentLength = chunked ? null : Encoding.UTF8.GetByteCount(json);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
