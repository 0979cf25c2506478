using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dentally.NexGen.Client;

/// <summary>
/// Builds the SDK's HTTP pipeline. Its parts, outermost first, each a <see cref="DelegatingHandler"/>
/// with one concern:
/// <list type="number">
/// <item><see cref="UserAgentHandler"/>: the SDK's <c>User-Agent</c>, once per call.</item>
/// <item><see cref="ContractDriftHandler"/>: hands the request the client's contract drift reporter.</item>
/// <item><see cref="ResilienceHandler"/>: the Polly pipelines (overall timeout → retry → attempt
/// timeout, the first attempt under its own timeout alone, <see cref="NexGenResilience"/>); what fails
/// after it is a typed exception.</item>
/// <item><see cref="AuthenticationHandler"/>: the bearer token, one refresh and resend on a 401.</item>
/// <item><see cref="TelemetryHandler"/>: an activity and a log event per send.</item>
/// <item><see cref="ResponseBodyHandler"/>: reads the body, bounded, and checks a success body is JSON.</item>
/// </list>
/// Handlers added through DI come after these (per attempt), then the transport.
/// </summary>
internal static class NexGenHttpPipeline
{
    public const string LoggerCategory = NexGenDiagnostics.SourceName + ".Http";

    // One connection pool for every client the plain constructor builds without a transport, as the
    // Azure SDK's shared transport: clients of different options (say, two partner credentials) then
    // share connections to the API instead of opening a pool each.
    private static readonly Lazy<HttpMessageHandler> SharedTransport = new(CreateTransport);

    /// <summary>The plain constructor's client: the pipeline over <paramref name="transport"/> (or the process's shared one).</summary>
    public static HttpClient CreateHttpClient(NexGenClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory)
    {
        var inner = transport ?? SharedTransport.Value;
        var handlers = CreateHandlers(options, loggerFactory);
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        // The client is never disposed (NexGenClient is not IDisposable), and the transport is the
        // caller's or the process's: nothing here may dispose it.
        var http = new HttpClient(inner, disposeHandler: false);
        ConfigureHttpClient(http, options);
        return http;
    }

    /// <summary>The SDK's handlers in their documented order, outermost first.</summary>
    public static DelegatingHandler[] CreateHandlers(NexGenClientOptions options, ILoggerFactory? loggerFactory)
    {
        var tokens = options.TokenProvider is { } provider
            ? new BearerTokenSource(provider, canRefresh: true, options.TimeProvider)
            : new BearerTokenSource(NexGenTokenProviders.Static(options.Token!), canRefresh: false, options.TimeProvider);
        return
        [
            new UserAgentHandler(options.UserAgentSuffix),
            new ContractDriftHandler(new ContractDriftReporter(loggerFactory?.CreateLogger(ContractDriftLog.Category) ?? NullLogger.Instance, options.ReportContractDrift, options.ReportedDrift)),
            new ResilienceHandler(NexGenResilience.Build(options)),
            new AuthenticationHandler(tokens, NexGenScope.For(options)),
            new TelemetryHandler(loggerFactory?.CreateLogger(LoggerCategory) ?? NullLogger.Instance, options.TimeProvider),
            new ResponseBodyHandler(options.MaxResponseBodySize, ResponseBodyBuffers.Create()),
        ];
    }

    public static void ConfigureHttpClient(HttpClient http, NexGenClientOptions options)
    {
        http.BaseAddress = BaseAddress.Normalize(options.BaseAddress);
        // The resilience pipeline owns timeouts; HttpClient's own 100 s default would cut across them.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

#pragma warning disable CA1859 // The concrete handler type differs per target framework.
    /// <summary>
    /// The default transport, for the plain constructor and the DI registration alike. It follows no
    /// redirect: the contract has none, and a followed one would carry the call (its headers, a search's
    /// patient name, the SDK's retries with their token) to wherever a <c>Location</c> points. It asks for
    /// and decodes compressed bodies, which a server may send unasked (RFC 9110); the body's size limit
    /// applies to the decoded bytes (<see cref="ResponseBodyHandler"/> reads them).
    /// </summary>
    public static HttpMessageHandler CreateTransport()
    {
#if NET5_0_OR_GREATER
        // Recycles connections so DNS changes are seen by a client that lives as long as the app.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All };
#else
        return new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
#endif
    }
#pragma warning restore CA1859
}
