using Dentally.NexGen.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers one <see cref="NexGenClient"/> (a singleton over a named <c>IHttpClientFactory</c> client),
/// the shared <see cref="AppointmentTypeCache"/> and <see cref="BookingWorkflow"/>.
/// </summary>
/// <remarks>
/// The client is thread-safe and meant to be reused, as the Azure SDK's clients are. A typed client
/// would instead build an <c>HttpClient</c> and a <see cref="NexGenClient"/> for every resolution (every
/// booking, in a web app), which cost a measurable share of throughput (docs/performance.md). The
/// factory's handler rotation, which a long-lived client does not get, is replaced by what rotation
/// exists for: on .NET 5+ the primary handler is a <c>SocketsHttpHandler</c> whose pooled connections
/// are recycled every five minutes, so DNS changes are seen.
/// </remarks>
public static class NexGenServiceCollectionExtensions
{
    /// <summary>The name of the <c>HttpClient</c> the SDK uses.</summary>
    public const string HttpClientName = "Dentally.NexGen.Client";

    /// <summary>Registers the client with options set in code; they are validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>
    /// The HTTP client builder, to add handlers (they run per attempt, inside the retries) or replace the
    /// primary handler. The handler chain is built once, when the client is first resolved.
    /// </returns>
    public static IHttpClientBuilder AddNexGenClient(this IServiceCollection services, Action<NexGenClientOptions> configure)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(configure, nameof(configure));
        services.AddOptions<NexGenClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Registers the client with options bound from configuration (e.g. the <c>NexGen</c> section); validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <param name="configure">Optionally adjusts the bound options (for example to set a token provider).</param>
    /// <returns>
    /// The HTTP client builder, to add handlers (they run per attempt, inside the retries) or replace the
    /// primary handler. The handler chain is built once, when the client is first resolved.
    /// </returns>
    public static IHttpClientBuilder AddNexGenClient(this IServiceCollection services, IConfiguration configuration, Action<NexGenClientOptions>? configure = null)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(configuration, nameof(configuration));
        var options = services.AddOptions<NexGenClientOptions>().Bind(configuration);
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NexGenClientOptions>, NexGenClientOptionsValidator>());
        services.AddOptions<NexGenClientOptions>().ValidateOnStart();

        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, http) => NexGenHttpPipeline.ConfigureHttpClient(http, OptionsFrom(provider)));

        // The factory's own request logging writes full URIs, and a patient search's query holds a name.
        builder.RemoveAllLoggers();
        builder.AddHttpMessageHandler(provider => NexGenHttpPipeline.CreateHandler(
            OptionsFrom(provider), provider.GetService<INexGenTokenProvider>(), provider.GetService<ILoggerFactory>()));
#if NET5_0_OR_GREATER
        builder.ConfigurePrimaryHttpMessageHandler(NexGenHttpPipeline.CreateTransport);
#endif
        // The singleton client keeps the one chain it was built with; rotating would only build chains
        // no client uses.
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton(provider => new NexGenClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), OptionsFrom(provider)));

        // One cache per process, so every workflow shares the organisation's types.
        services.TryAddSingleton(provider =>
        {
            var options = OptionsFrom(provider);
            return new AppointmentTypeCache(options.AppointmentTypeCacheDuration, options.TimeProvider);
        });

        // Stateless over the client and the cache, so one serves every booking.
        services.TryAddSingleton(provider => new BookingWorkflow(
            provider.GetRequiredService<NexGenClient>(),
            provider.GetRequiredService<AppointmentTypeCache>(),
            provider.GetService<ILogger<BookingWorkflow>>()));
        return builder;
    }

    private static NexGenClientOptions OptionsFrom(IServiceProvider provider)
        => provider.GetRequiredService<IOptions<NexGenClientOptions>>().Value;
}
