using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// The NexGen API by area, configured once: organisation, practice, token, timeouts and retries come
/// from <see cref="NexGenClientOptions"/>. Register it with <c>services.AddNexGenClient(…)</c>, or
/// construct it directly in an app without a host. It is thread-safe: create one per set of options
/// and reuse it. Like the Azure SDK's clients it is not <see cref="IDisposable"/>: its pooled transport
/// recycles its own connections, and a container that resolves it as a typed client (the
/// netstandard2.0 build) never holds on to the instances.
/// </summary>
public class NexGenClient
{
    private readonly HttpClient _http;
    private readonly NexGenScope _scope;
    private NexGenRawClients? _raw;
    private SitesOperations? _sites;
    private PatientsOperations? _patients;
    private ProvidersOperations? _providers;
    private AppointmentTypesOperations? _appointmentTypes;
    private AppointmentsOperations? _appointments;
    private ScheduleOperations? _schedule;

    /// <summary>For mocking: a test double derived from this class overrides the areas it needs.</summary>
    protected NexGenClient()
    {
        _http = null!;
        _scope = null!;
        Options = null!;
    }

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
        _http = NexGenHttpPipeline.CreateHttpClient(options, transport, loggerFactory);
        _scope = NexGenScope.For(options);
        Options = options;
    }

    /// <summary>Used by the DI registration: <paramref name="httpClient"/> already carries the SDK's handler chain.</summary>
    internal NexGenClient(HttpClient httpClient, NexGenClientOptions options)
    {
        _http = httpClient;
        _scope = NexGenScope.For(options);
        Options = options;
    }

    /// <summary>The options this client was built with.</summary>
    public virtual NexGenClientOptions Options { get; }

    // The areas are built on first use: most uses touch one or two, and a typed client (the
    // netstandard2.0 build's DI) is built for every resolution. A race builds an area twice, harmlessly:
    // areas hold no state of their own.

    /// <summary>The generated per-area clients over the same pipeline, for calls this surface does not wrap.</summary>
    public virtual NexGenRawClients Raw => _raw ??= new NexGenRawClients(_http);

    /// <summary>Practice sites.</summary>
    public virtual SitesOperations Sites => _sites ??= new SitesOperations(Raw.Sites, _scope);

    /// <summary>Patients (experimental in the API).</summary>
    public virtual PatientsOperations Patients => _patients ??= new PatientsOperations(Raw.Patients, _scope);

    /// <summary>Providers.</summary>
    public virtual ProvidersOperations Providers => _providers ??= new ProvidersOperations(Raw.Providers, _scope);

    /// <summary>Appointment types.</summary>
    public virtual AppointmentTypesOperations AppointmentTypes => _appointmentTypes ??= new AppointmentTypesOperations(Raw.AppointmentTypes, _scope);

    /// <summary>Appointments.</summary>
    public virtual AppointmentsOperations Appointments => _appointments ??= new AppointmentsOperations(Raw.Appointments, _scope);

    /// <summary>Schedule availability.</summary>
    public virtual ScheduleOperations Schedule => _schedule ??= new ScheduleOperations(Raw.Schedule, _scope);

    /// <summary>Identifies the API and organisation this client reaches, for caches shared between clients.</summary>
    internal string TypeCacheKey => _scope.TypeCacheKey;
}
