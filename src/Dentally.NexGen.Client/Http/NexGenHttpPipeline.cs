using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dentally.NexGen.Client;

/// <summary>
/// Builds the SDK's HTTP stack: one <see cref="NexGenHttpHandler"/> over the transport. DI builds the
/// same handler and transport through IHttpClientFactory; the plain constructor builds them here.
/// </summary>
internal static class NexGenHttpPipeline
{
    public const string LoggerCategory = NexGenDiagnostics.SourceName + ".Http";

    public static HttpClient CreateHttpClient(NexGenClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory)
    {
        var handler = CreateHandler(options, tokenProviderFromServices: null, loggerFactory);
        handler.InnerHandler = transport ?? CreateTransport();
        var http = new HttpClient(handler, disposeHandler: true);
        ConfigureHttpClient(http, options);
        return http;
    }

    public static NexGenHttpHandler CreateHandler(NexGenClientOptions options, INexGenTokenProvider? tokenProviderFromServices, ILoggerFactory? loggerFactory)
    {
        var provider = options.TokenProvider ?? tokenProviderFromServices;
        var tokens = provider is not null
            ? new BearerTokenSource(provider, canRefresh: true)
            : new BearerTokenSource(NexGenTokenProviders.Static(options.Token!), canRefresh: false);
        var logger = loggerFactory?.CreateLogger(LoggerCategory) ?? (ILogger)NullLogger.Instance;
        return new NexGenHttpHandler(NexGenResilience.Build(options), new RequestTimeouts(options), tokens, UserAgent.Build(options.UserAgentSuffix), logger);
    }

    public static void ConfigureHttpClient(HttpClient http, NexGenClientOptions options)
    {
        http.BaseAddress = BaseAddress.Resolve(options.BaseAddress).Uri;
        // The resilience pipeline owns timeouts; HttpClient's own 100 s default would cut across them.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

#pragma warning disable CA1859 // The concrete handler type differs per target framework.
    /// <summary>The default transport, for the plain constructor and the DI registration alike.</summary>
    public static HttpMessageHandler CreateTransport()
    {
#if NET5_0_OR_GREATER
        // Recycles connections so DNS changes are seen by a client that lives as long as the app.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
        return new HttpClientHandler();
#endif
    }
#pragma warning restore CA1859
}
