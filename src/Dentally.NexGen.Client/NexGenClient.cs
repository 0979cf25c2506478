using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// The NexGen API by area, configured once: organisation, practice, token, timeouts and retries come
/// from <see cref="NexGenClientOptions"/>. Register it with <c>services.AddNexGenClient(…)</c>, or
/// construct it directly in an app without a host. It is thread-safe: create one per set of options
/// and reuse it; a partner serving many practices uses one and calls <see cref="ForPractice"/> per
/// tenant. Like the Azure SDK's clients it is not <see cref="IDisposable"/>: its pooled transport
/// recycles its own connections, and clients built without a transport of their own share one per
/// process.
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

    /// <summary>Creates a client with its own HTTP pipeline over the process's shared transport. Throws <see cref="ArgumentException"/> naming any invalid option.</summary>
    /// <param name="options">The options; validated now.</param>
    public NexGenClient(NexGenClientOptions options)
        : this(options, transport: null, loggerFactory: null)
    {
    }

    /// <summary>Creates a client with its own HTTP pipeline over the given transport and logging.</summary>
    /// <param name="options">The options; validated now.</param>
    /// <param name="transport">The innermost handler (for example a test server's handler); <see langword="null"/> for the connection pool every such client of the process shares.</param>
    /// <param name="loggerFactory">Where request logs go; <see langword="null"/> for none.</param>
    public NexGenClient(NexGenClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null)
    {
        NexGenClientOptionsValidator.ThrowIfInvalid(options);
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

    private NexGenClient(NexGenClient parent, NexGenScope scope)
    {
        _http = parent._http;
        _scope = scope;
        Options = parent.Options;
    }

    /// <summary>The options this client was built with (a <see cref="ForPractice"/> scope shares its parent's).</summary>
    public virtual NexGenClientOptions Options { get; }

    /// <summary>The organisation this client's calls are for; <see langword="null"/> when it names none (use <see cref="ForPractice"/>).</summary>
    public virtual string? OrganizationId => _scope?.OrganizationIdOrNull;

    /// <summary>The practice this client's calls are for (<c>X-Practice-Id</c>); <see langword="null"/> when it names none.</summary>
    public virtual string? PracticeId => _scope?.PracticeIdOrNull;

    /// <summary>
    /// A client for another organisation and practice over this client's pipeline and connection pool:
    /// no new handler, no new connection. It costs a small object, so make one per call or keep them,
    /// as suits. Requests made through it carry its tenant to the token provider
    /// (<see cref="NexGenTokenRequest"/>) and to telemetry.
    /// </summary>
    /// <param name="organizationId">The organisation (<c>/api/v1/{org_id}</c>).</param>
    /// <param name="practiceId">The practice (<c>X-Practice-Id</c>).</param>
    /// <returns>The scoped client.</returns>
    /// <exception cref="ArgumentException">An id is empty, has surrounding white space, or has characters other than printable ASCII.</exception>
    public virtual NexGenClient ForPractice(string organizationId, string practiceId)
        => new(this, (_scope ?? throw new NotSupportedException("A test double derived from NexGenClient overrides ForPractice to support it.")).ForPractice(organizationId, practiceId));

    // The areas are built on first use: most uses touch one or two, and a typed client (the
    // netstandard2.0 build's DI) is built for every resolution. A race builds an area twice, harmlessly:
    // areas hold no state of their own.

    /// <summary>
    /// The generated per-area clients over the same pipeline, for calls this surface does not wrap. A call
    /// is authenticated for the organisation and practice it names (its <c>org_id</c> and
    /// <c>X-Practice-Id</c> arguments); this client's own fill in what it leaves out (<c>/v2/sites</c>
    /// names no organisation).
    /// </summary>
    public virtual NexGenRawClients Raw => _raw ??= new NexGenRawClients(_http, _scope);

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

    /// <summary>Identifies the API, tenant and credentials this client's calls go with, for caches shared between clients.</summary>
    internal TenantKey TypeCacheKey => _scope.TypeCacheKey;
}
