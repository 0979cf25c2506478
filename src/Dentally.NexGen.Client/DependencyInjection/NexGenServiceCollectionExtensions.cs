using Dentally.NexGen.Client;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="NexGenClient"/> over a named <c>IHttpClientFactory</c> client, the shared
/// <see cref="AppointmentTypeCache"/> and <see cref="BookingWorkflow"/>: unnamed, or by name as keyed
/// services (<c>[FromKeyedServices("name")] NexGenClient</c>), each with its own options, validated at start-up.
/// </summary>
/// <remarks>
/// On .NET 8 and later the clients and workflows are singletons: a client is thread-safe and meant
/// to be reused, as the Azure SDK's clients are, and a typed client would build an <c>HttpClient</c> and
/// a <see cref="NexGenClient"/> for every resolution (every booking, in a web app). The handler chain, the token provider and any
/// handler added through the returned builder are then created once, for the life of the app, and
/// <c>SetHandlerLifetime</c> has no effect; DNS changes are still seen because the primary handler is a
/// <c>SocketsHttpHandler</c> whose pooled connections are recycled every five minutes. On other
/// frameworks (the netstandard2.0 build) they are transient over the factory's rotated handlers, as a
/// typed client is. Registering a name twice adds its pipeline once. A partner serving many practices
/// registers its credentials once (options without <see cref="NexGenClientOptions.OrganizationId"/> and
/// <see cref="NexGenClientOptions.PracticeId"/>) and calls <see cref="NexGenClient.ForPractice"/> per tenant.
/// </remarks>
// RS0026/RS0027 guard a later release that adds an optional parameter to a shipped overload; these
// overloads ship together, and each takes its optional configure last, as the unnamed one always has.
#pragma warning disable RS0026, RS0027
public static class NexGenServiceCollectionExtensions
{
    /// <summary>The name of the <c>HttpClient</c> the unnamed client uses; a named client's is this, a colon and its name.</summary>
    public const string HttpClientName = "Dentally.NexGen.Client";

    /// <summary>Registers the client with options set in code; they are validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>
    /// The HTTP client builder, to add handlers (they run per attempt, inside the retries) or replace the
    /// primary handler. The handler chain is built once, when the client is first resolved.
    /// </returns>
    public static IHttpClientBuilder AddNexGenClient(this IServiceCollection services, Action<NexGenClientOptions> configure)
        => NexGenRegistration.Add(services, name: null, Guard.NotNull(configure, nameof(configure)));

    /// <summary>Registers the client with options bound from configuration (e.g. the <c>NexGen</c> section); validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <param name="configure">Optionally adjusts the bound options (for example to set a token provider).</param>
    /// <returns>
    /// The HTTP client builder, to add handlers (they run per attempt, inside the retries) or replace the
    /// primary handler. The handler chain is built once, when the client is first resolved.
    /// </returns>
    public static IHttpClientBuilder AddNexGenClient(this IServiceCollection services, IConfiguration configuration, Action<NexGenClientOptions>? configure = null)
        => NexGenRegistration.Add(services, name: null, Guard.NotNull(configuration, nameof(configuration)), configure);

    /// <summary>
    /// Registers a named client, resolved as the keyed service <paramref name="name"/> (with its keyed
    /// <see cref="BookingWorkflow"/>), with options set in code; they are validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder of this client, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddNexGenClient(this IServiceCollection services, string name, Action<NexGenClientOptions> configure)
        => NexGenRegistration.Add(services, NexGenRegistration.CheckName(name), Guard.NotNull(configure, nameof(configure)));

    /// <summary>
    /// Registers a named client, resolved as the keyed service <paramref name="name"/> (with its keyed
    /// <see cref="BookingWorkflow"/>), with options bound from its own configuration section; validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configuration">The section holding this client's options.</param>
    /// <param name="configure">Optionally adjusts the bound options (for example to set a token provider).</param>
    /// <returns>The HTTP client builder of this client, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddNexGenClient(this IServiceCollection services, string name, IConfiguration configuration, Action<NexGenClientOptions>? configure = null)
        => NexGenRegistration.Add(services, NexGenRegistration.CheckName(name), Guard.NotNull(configuration, nameof(configuration)), configure);
}
#pragma warning restore RS0026, RS0027
