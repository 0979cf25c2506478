using System.Net;
using System.Text;
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Xunit;

namespace MyApp.Tests;

public class OneAnswerTests
{
    [Fact]
    public async Task An_empty_type_list_is_reported()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();

        // GET …/appointment-types gets this test's own answer; every other call reaches the sandbox.
        var transport = new OneAnswer(HttpMethod.Get, "/appointment-types", """{"items":[],"total":0}""");
        var client = new NexGenClient(sandbox.CreateOptions(), transport);

        Assert.Equal(0, (await client.AppointmentTypes.ListAsync()).Total);
        Assert.Equal(2, (await client.Sites.ListAsync()).Total);
    }

    /// <summary>The transport of a client under test: one operation answered here, the rest sent on.</summary>
    private sealed class OneAnswer(HttpMethod method, string pathEnd, string json) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => request.Method == method && request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") })
                : base.SendAsync(request, cancellationToken);
    }
}
