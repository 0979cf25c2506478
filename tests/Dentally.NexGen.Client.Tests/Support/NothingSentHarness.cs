using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Dentally.NexGen.TestSupport;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// A client whose transport and token provider only record: a refusal test asserts both stayed empty, so
/// neither a request nor a token fetch (a call to an identity provider) happened before the refusal.
/// Anything that does reach the transport is answered 404, so a call the SDK accepts ends in a
/// <see cref="NexGenNotFoundException"/> after exactly one request, never a retry.
/// </summary>
internal sealed class NothingSentHarness
{
    private readonly Lazy<NexGenClient> _client;

    public NothingSentHarness(Action<NexGenClientOptions>? configure = null)
    {
        Options = new NexGenClientOptions
        {
            BaseAddress = new Uri("https://api.example.com"),
            OrganizationId = SdkHarness.Org,
            PracticeId = SdkHarness.Practice,
            TokenProvider = Tokens,
            Retry = new NexGenRetryOptions { MaxRetries = 0 },
            TimeProvider = new TestClock(),
        };
        configure?.Invoke(Options);
        _client = new Lazy<NexGenClient>(() => new NexGenClient(Options, Transport));
    }

    public RecordingTransport Transport { get; } = new();

    public RecordingTokenProvider Tokens { get; } = new();

    public NexGenClientOptions Options { get; }

    /// <summary>The client over <see cref="Transport"/>, made at first use: an options test makes it itself.</summary>
    public NexGenClient Client => _client.Value;

    /// <summary>Fails naming what went out, if anything did.</summary>
    public void AssertNothingSent()
    {
        Assert.True(Transport.Requests.IsEmpty, "Sent before the refusal: " + string.Join(", ", Transport.Requests));
        Assert.Equal(0, Tokens.Calls);
    }

    /// <summary>Enumerates a paging walk to its end, as a caller's <c>await foreach</c> does.</summary>
    public static async Task WalkAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var item in items)
        {
            _ = item;
        }
    }

    /// <summary>Records each request (method and path) and answers 404 problem+json.</summary>
    internal sealed class RecordingTransport : HttpMessageHandler
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath}");
            var problem = $$"""{"type":"{{ProblemTypes.Prefix}}not-found","title":"Not found","status":404}""";
            var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(problem, Encoding.UTF8, "application/problem+json") };
            response.Headers.TryAddWithoutValidation("X-Request-Id", "req_404");
            return Task.FromResult(response);
        }
    }

    /// <summary>Counts token fetches; the token it gives is only ever seen by <see cref="RecordingTransport"/>.</summary>
    internal sealed class RecordingTokenProvider : INexGenTokenProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<string> GetTokenAsync(NexGenTokenRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return new ValueTask<string>("tok_recorded");
        }
    }
}
