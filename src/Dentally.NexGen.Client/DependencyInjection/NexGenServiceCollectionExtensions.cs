using Dentally.NexGen.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="NexGenClient"/> over a named <c>IHttpClientFactory</c> client, the shared
/// <see cref="AppointmentTypeCache"/> and <see cref="BookingWorkflow"/>.
/// </summary>
/// <remarks>
/// On .NET 8 and later the client and the workflow are singletons: the client is thread-safe and meant
/// to be reused, as the Azure SDK's clients are, and a typed client would build an <c>HttpClient</c> and
/// a <see cref="NexGenClient"/> for every resolution (every booking, in a web app). The handler chain, the token provider and any
/// handler added through the returned builder are then created once, for the life of the app, and
/// <c>SetHandlerLifetime</c> has no effect; DNS changes are still seen because the primary handler is a
/// <c>SocketsHttpHandler</c> whose pooled connections are recycled every five minutes. On other
/// frameworks (the netstandard2.0 build) the client is a typed client and the workflow transient, so
/// the factory's handler rotation keeps doing that job. Registering twice adds the pipeline once.
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
        // Two libraries of one app may both register the client: the pipeline is added once, or every
        // call would pass through two retry layers (and multiply its attempts).
        var registered = services.Any(descriptor => descriptor.ServiceType == typeof(NexGenClient));
        var builder = services.AddHttpClient(HttpClientName);
        if (registered)
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NexGenClientOptions>, NexGenClientOptionsValidator>());
        services.AddOptions<NexGenClientOptions>().ValidateOnStart();
        builder.ConfigureHttpClient((provider, http) => NexGenHttpPipeline.ConfigureHttpClient(http, OptionsFrom(provider)));

        // The factory's own request logging writes full URIs, and a patient search's query holds a name.
        builder.RemoveAllLoggers();
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            var ours = NexGenHttpPipeline.CreateHandlers(OptionsFrom(provider), provider.GetService<INexGenTokenProvider>(), provider.GetService<ILoggerFactory>());
            for (var i = 0; i < ours.Length; i++)
            {
                handlers.Insert(i, ours[i]);
            }
        });
        RegisterClient(services, builder);

        // One cache per process, so every workflow shares the organisation's types.
        services.TryAddSingleton(provider =>
        {
            var options = OptionsFrom(provider);
            return new AppointmentTypeCache(options.AppointmentTypeCacheDuration, options.TimeProvider);
        });
        return builder;
    }

#if NET5_0_OR_GREATER
    private static void RegisterClient(IServiceCollection services, IHttpClientBuilder builder)
    {
        builder.ConfigurePrimaryHttpMessageHandler(NexGenHttpPipeline.CreateTransport);
        // The singleton client keeps the one chain it was built with; rotating would only build chains
        // no client uses.
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(provider => new NexGenClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), OptionsFrom(provider)));

        // Stateless over the client and the cache, so one serves every booking.
        services.TryAddSingleton(CreateWorkflow);
    }
#else
    // Without SocketsHttpHandler (the netstandard2.0 build, which .NET Framework and .NET 6 and 7 apps
    // get) nothing would recycle a long-lived client's connections, so it would never see a DNS change:
    // there the client stays a typed client whose handlers the factory rotates.
    private static void RegisterClient(IServiceCollection services, IHttpClientBuilder builder)
    {
        builder.AddTypedClient((http, provider) => new NexGenClient(http, OptionsFrom(provider)));
        services.TryAddTransient(CreateWorkflow);
    }
#endif

    private static BookingWorkflow CreateWorkflow(IServiceProvider provider) => new(
        provider.GetRequiredService<NexGenClient>(),
        provider.GetRequiredService<AppointmentTypeCache>(),
        provider.GetService<ILogger<BookingWorkflow>>());

    private static NexGenClientOptions OptionsFrom(IServiceProvider provider)
        => provider.GetRequiredService<IOptions<NexGenClientOptions>>().Value;
}
