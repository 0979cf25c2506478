using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// The NexGen API by area, configured once: organisation, practice, token, timeouts and retries come
/// from <see cref="NexGenClientOptions"/>. Register it with <c>services.AddNexGenClient(…)</c>, or
/// construct it directly in an app without a host. It is thread-safe: create one per set of options
/// and reuse it. Like the Azure SDK's clients it is not <see cref="IDisposable"/>, so a container
/// never holds on to the transient instances it resolves.
/// </summary>
public sealed class NexGenClient
{
    /// <summary>Creates a client with its own HTTP pipeline. Throws <see cref="ArgumentException"/> naming any invalid option.</summary>
    /// <param name="options">The options; validated now.</param>
    public NexGenClient(NexGenClientOptions options)
        : this(options, transport: null, loggerFactory: null)
    {
    }

    /// <summary>Creates a client with its own HTTP pipeline over the given transport and logging.</summary>
    /// <param name="options">The options; validated now.</param>
    /// <param name="transport">The innermost handler (for example a test server's handler); <see langword="null"/> for the default.</param>
    /// <param name="loggerFactory">Where request logs go; <see langword="null"/> for none.</param>
    public NexGenClient(NexGenClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null)
    {
        NexGenClientOptionsValidator.ThrowIfInvalid(options);
        // The pooled transport recycles its connections (PooledConnectionLifetime), so a client that
        // lives as long as the app needs no disposal.
        var http = NexGenHttpPipeline.CreateHttpClient(options, transport, loggerFactory);
        (Raw, Sites, Patients, Providers, AppointmentTypes, Appointments, Schedule) = Build(http, options);
        Options = options;
    }

    /// <summary>Used by the DI registration: <paramref name="httpClient"/> already carries the SDK's handler chain.</summary>
    internal NexGenClient(HttpClient httpClient, NexGenClientOptions options)
    {
        (Raw, Sites, Patients, Providers, AppointmentTypes, Appointments, Schedule) = Build(httpClient, options);
        Options = options;
    }

    /// <summary>The options this client was built with.</summary>
    public NexGenClientOptions Options { get; }

    /// <summary>The generated per-area clients over the same pipeline, for calls this surface does not wrap.</summary>
    public NexGenRawClients Raw { get; }

    /// <summary>Practice sites.</summary>
    public SitesOperations Sites { get; }

    /// <summary>Patients (experimental in the API).</summary>
    public PatientsOperations Patients { get; }

    /// <summary>Providers.</summary>
    public ProvidersOperations Providers { get; }

    /// <summary>Appointment types.</summary>
    public AppointmentTypesOperations AppointmentTypes { get; }

    /// <summary>Appointments.</summary>
    public AppointmentsOperations Appointments { get; }

    /// <summary>Schedule availability.</summary>
    public ScheduleOperations Schedule { get; }

    private static (NexGenRawClients, SitesOperations, PatientsOperations, ProvidersOperations, AppointmentTypesOperations, AppointmentsOperations, ScheduleOperations) Build(HttpClient http, NexGenClientOptions options)
    {
        var raw = new NexGenRawClients(http);
        var scope = new NexGenScope(options.OrganizationId!, options.PracticeId!, options.AutomaticIdempotencyKeys);
        return (raw,
            new SitesOperations(raw.Sites, scope),
            new PatientsOperations(raw.Patients, scope),
            new ProvidersOperations(raw.Providers, scope),
            new AppointmentTypesOperations(raw.AppointmentTypes, scope),
            new AppointmentsOperations(raw.Appointments, scope),
            new ScheduleOperations(raw.Schedule, scope));
    }
}
