using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Dentally.NexGen.Client;

/// <summary>
/// The HTTP handler chain, outermost first: transport errors to typed exceptions, resilience (overall
/// timeout → retry → attempt timeout), bearer token, telemetry and the success-body check (each per
/// attempt), transport. DI builds the same chain through
/// IHttpClientFactory; the plain constructor builds it here.
/// </summary>
internal static class NexGenHttpPipeline
{
    public const string LoggerCategory = NexGenDiagnostics.SourceName + ".Http";

    public static HttpClient CreateHttpClient(NexGenClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        NexGenResilience.Configure(builder, options);
        var logger = loggerFactory?.CreateLogger(LoggerCategory) ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var auth = CreateAuthHandler(options, fromServices: null);
        auth.InnerHandler = new TelemetryHandler(logger)
        {
            InnerHandler = new ResponseBodyCheckHandler { InnerHandler = transport ?? CreateTransport() },
        };
        var resilience = new ResilienceHandler(builder.Build()) { InnerHandler = auth };
        var http = new HttpClient(new TransportErrorHandler { InnerHandler = resilience }, disposeHandler: true);
        ConfigureHttpClient(http, options);
        return http;
    }

    public static void ConfigureHttpClient(HttpClient http, NexGenClientOptions options)
    {
        http.BaseAddress = BaseAddress.Normalize(options.BaseAddress);
        // The resilience pipeline owns timeouts; HttpClient's own 100 s default would cut across them.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Remove("User-Agent");
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent.Build(options.UserAgentSuffix));
    }

    public static BearerTokenHandler CreateAuthHandler(NexGenClientOptions options, INexGenTokenProvider? fromServices)
    {
        var provider = options.TokenProvider ?? fromServices;
        return provider is not null
            ? new BearerTokenHandler(provider, canRefresh: true)
            : new BearerTokenHandler(NexGenTokenProviders.Static(options.Token!), canRefresh: false);
    }

#pragma warning disable CA1859 // The concrete handler type differs per target framework.
    private static HttpMessageHandler CreateTransport()
    {
#if NET5_0_OR_GREATER
        // Recycles connections so DNS changes are seen, as IHttpClientFactory does for the DI path.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
        return new HttpClientHandler();
#endif
    }
#pragma warning restore CA1859
}
