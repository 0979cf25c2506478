using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>A WireMock server plus a <see cref="NexGenClient"/> built the plain way, with captured logs.</summary>
internal sealed class SdkHarness : IDisposable
{
    public const string Token = "tok_SECRET_9f8e7d6c5b4a";
    public const string Org = "org_7f3c2a9e";
    public const string Practice = "practice_42";

    private readonly Lazy<NexGenClient> _client;

    public SdkHarness(Action<NexGenClientOptions>? configure = null)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Port = 0, StartAdminInterface = false });
        Options = NewOptions(Server.Url!);
        configure?.Invoke(Options);
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        _client = new Lazy<NexGenClient>(() => new NexGenClient(Options, Transport, LoggerFactory));
    }

    public WireMockServer Server { get; }

    /// <summary>The client's transport: real HTTP, with answers a test can hold back (<see cref="Hold"/>).</summary>
    public HoldingTransport Transport { get; } = new();

    public NexGenClientOptions Options { get; }

    public FakeLogCollector Logs { get; } = new();

    public ILoggerFactory LoggerFactory { get; }

    public NexGenClient Client => _client.Value;

    public IReadOnlyList<IRequestMessage> Requests => Server.LogEntries.Select(e => e.RequestMessage!).ToList();

    public static NexGenClientOptions NewOptions(string url) => new()
    {
        BaseAddress = new Uri(url),
        OrganizationId = Org,
        PracticeId = Practice,
        Token = Token,
        Retry = new NexGenRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), UseJitter = false },

        // Retry delays (50 ms at most) pass as soon as they start; a timeout fires only when a test
        // moves this clock, so no test can time out because the machine is slow.
        TimeProvider = new TestClock { AutoAdvanceUpTo = TimeSpan.FromMilliseconds(50) },
    };

    /// <summary>Sets <paramref name="to"/> (options DI creates) to <see cref="NewOptions"/> for <paramref name="url"/>.</summary>
    public static void Configure(NexGenClientOptions to, string url)
    {
        var from = NewOptions(url);
        to.BaseAddress = from.BaseAddress;
        to.OrganizationId = from.OrganizationId;
        to.PracticeId = from.PracticeId;
        to.Token = from.Token;
        to.Retry = from.Retry;
        to.TimeProvider = from.TimeProvider;
    }

    /// <summary>A client built the plain way over a scripted transport, with <see cref="NewOptions"/> and <paramref name="configure"/> applied.</summary>
    public static NexGenClient ClientOver(ScriptedHandler transport, Action<NexGenClientOptions> configure)
    {
        var options = NewOptions("http://localhost:9");
        configure(options);
        return new NexGenClient(options, transport);
    }

    /// <summary>Answers matching requests with each response in turn; the last one repeats.</summary>
    public void RespondInSequence(IRequestBuilder request, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString();
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = Server.Given(request).InScenario(scenario);
            mapping = i == 0 ? mapping : mapping.WhenStateIs("step" + i);
            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo("step" + (i + 1));
            }

            mapping.RespondWith(responses[i]);
        }
    }

    public static IResponseBuilder Json(int status, string body, string contentType = "application/json")
        => Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithHeader("X-Request-Id", "req_" + status).WithBody(body);

    public static IResponseBuilder Problem(int status, string type, string title)
        => Json(status, $$"""{"type":"{{ProblemTypes.Prefix}}{{type}}","title":"{{title}}","status":{{status}}}""", "application/problem+json");

    /// <summary>Holds back the answers to matching requests until the test releases them.</summary>
    public HeldAnswers Hold(Func<HttpRequestMessage, bool> matches, int limit = int.MaxValue) => Transport.Hold(matches, limit);

    /// <summary>Whether <paramref name="request"/> carries <paramref name="name"/>: <paramref name="value"/>.</summary>
    public static bool HasHeader(HttpRequestMessage request, string name, string value)
        => request.Headers.TryGetValues(name, out var values) && values.Contains(value);

    public void Dispose()
    {
        Transport.Dispose();
        LoggerFactory.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
