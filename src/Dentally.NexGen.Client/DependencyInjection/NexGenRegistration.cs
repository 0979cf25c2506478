using Dentally.NexGen.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers one client, unnamed or keyed by name: its
/// options (validated at start-up), its <c>HttpClient</c> with the SDK's handlers, the client and its
/// workflow. The type cache is one per app, shared by every client, so each organisation's types are
/// fetched once.
/// </summary>
internal static class NexGenRegistration
{
#if NET5_0_OR_GREATER
    private const ServiceLifetime ClientLifetime = ServiceLifetime.Singleton;
#else
    // Without SocketsHttpHandler (the netstandard2.0 build, which .NET Framework and .NET 6 and 7 apps
    // get) nothing would recycle a long-lived client's connections, so it would never see a DNS change:
    // there each resolution takes a new HttpClient over the factory's rotated handlers, as a typed client does.
    private const ServiceLifetime ClientLifetime = ServiceLifetime.Transient;
#endif

    public static string CheckName(string? name)
        => string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("name must not be empty.", nameof(name)) : name!;

    public static IHttpClientBuilder Add(IServiceCollection services, string? name, Action<NexGenClientOptions> configure)
    {
        Guard.NotNull(services, nameof(services));
        services.AddOptions<NexGenClientOptions>(OptionsName(name)).Configure(configure);
        return AddClient(services, name);
    }

    public static IHttpClientBuilder Add(IServiceCollection services, string? name, IConfiguration configuration, Action<NexGenClientOptions>? configure)
    {
        Guard.NotNull(services, nameof(services));
        var options = services.AddOptions<NexGenClientOptions>(OptionsName(name)).Bind(configuration);
        services.AddSingleton(new ConfigurationOrigin(OptionsName(name), configuration));
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        return AddClient(services, name);
    }

    private static IHttpClientBuilder AddClient(IServiceCollection services, string? name)
    {
        var optionsName = OptionsName(name);
        var builder = services.AddHttpClient(name is null ? NexGenServiceCollectionExtensions.HttpClientName : NexGenServiceCollectionExtensions.HttpClientName + ":" + name);

        // Two libraries of one app may both register the client: the pipeline is added once, or every
        // call would pass through two retry layers (and multiply its attempts).
        if (services.Any(descriptor => descriptor.ServiceType == typeof(NexGenClient) && Equals(descriptor.IsKeyedService ? descriptor.ServiceKey : null, name)))
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NexGenClientOptions>, NexGenClientOptionsValidator>());
        // The options' own token provider or token come first; a provider from DI (the client's keyed
        // one, else the app's) serves only options that name neither.
        services.AddOptions<NexGenClientOptions>(optionsName)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (options.TokenProvider is null && string.IsNullOrEmpty(options.Token))
                {
                    options.TokenProvider = TokenProviderFrom(provider, name);
                }
            })
            .ValidateOnStart();
        builder.ConfigureHttpClient((provider, http) => NexGenHttpPipeline.ConfigureHttpClient(http, OptionsFrom(provider, optionsName)));

        // The factory's own request logging writes full URIs, and a patient search's query holds a name.
        builder.RemoveAllLoggers();
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            var ours = NexGenHttpPipeline.CreateHandlers(OptionsFrom(provider, optionsName), provider.GetService<ILoggerFactory>());
            for (var i = 0; i < ours.Length; i++)
            {
                handlers.Insert(i, ours[i]);
            }
        });
        builder.ConfigurePrimaryHttpMessageHandler(NexGenHttpPipeline.CreateTransport);
#if NET5_0_OR_GREATER
        // The singleton client keeps the one chain it was built with; rotating would only build chains
        // no client uses.
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
#endif

        var httpClientName = builder.Name;
        services.Add(new ServiceDescriptor(typeof(NexGenClient), name, (provider, _) => new NexGenClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), OptionsFrom(provider, optionsName)), ClientLifetime));

        // Stateless over the client and the cache, so one serves every booking of the client.
        services.Add(new ServiceDescriptor(typeof(BookingWorkflow), name, (provider, _) => new BookingWorkflow(
            name is null ? provider.GetRequiredService<NexGenClient>() : provider.GetRequiredKeyedService<NexGenClient>(name),
            provider.GetRequiredService<AppointmentTypeCache>(),
            provider.GetService<ILogger<BookingWorkflow>>()), ClientLifetime));

        // One cache per app; each client's types are kept for its own options' duration, on its own clock.
        services.TryAddSingleton(provider => AppointmentTypeCache.PerClient(OptionsFrom(provider, optionsName)));
        return builder;
    }

    private static string OptionsName(string? name) => name ?? Options.Options.DefaultName;

    private static NexGenClientOptions OptionsFrom(IServiceProvider provider, string optionsName)
        => provider.GetRequiredService<IOptionsMonitor<NexGenClientOptions>>().Get(optionsName);

    // A named client takes the token provider registered under its name, else the app's unnamed one.
    private static INexGenTokenProvider? TokenProviderFrom(IServiceProvider provider, string? name)
        => (name is null ? null : provider.GetKeyedService<INexGenTokenProvider>(name)) ?? provider.GetService<INexGenTokenProvider>();
}
