using Dentally.NexGen.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="NexGenClient"/> as an <c>IHttpClientFactory</c> typed client.</summary>
public static class NexGenServiceCollectionExtensions
{
    /// <summary>The name of the <c>HttpClient</c> the SDK uses.</summary>
    public const string HttpClientName = "Dentally.NexGen.Client";

    /// <summary>Registers the client with options set in code; they are validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers (they run per attempt, inside the retries).</returns>
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
    /// <returns>The HTTP client builder, to add handlers (they run per attempt, inside the retries).</returns>
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
        builder.AddTypedClient((http, provider) => new NexGenClient(http, OptionsFrom(provider)));

        // One cache per process, so every transient workflow shares the organisation's types.
        services.TryAddSingleton(provider =>
        {
            var options = OptionsFrom(provider);
            return new AppointmentTypeCache(options.AppointmentTypeCacheDuration, options.TimeProvider);
        });
        services.TryAddTransient(provider => new BookingWorkflow(
            provider.GetRequiredService<NexGenClient>(),
            provider.GetRequiredService<AppointmentTypeCache>(),
            provider.GetService<ILogger<BookingWorkflow>>()));
        return builder;
    }

    private static NexGenClientOptions OptionsFrom(IServiceProvider provider)
        => provider.GetRequiredService<IOptions<NexGenClientOptions>>().Value;
}
