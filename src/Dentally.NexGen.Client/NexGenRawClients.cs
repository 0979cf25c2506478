using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>The generated clients, one per API area, sharing one configured <see cref="HttpClient"/>.</summary>
public class NexGenRawClients
{
    private readonly HttpClient _http;
    private readonly NexGenScope _scope;
    private ISitesClient? _sites;
    private IPatientsClient? _patients;
    private IProvidersClient? _providers;
    private IAppointmentTypesClient? _appointmentTypes;
    private IAppointmentsClient? _appointments;
    private IScheduleClient? _schedule;

    /// <summary>For mocking: a test double derived from this class overrides the clients it needs.</summary>
    protected NexGenRawClients()
    {
        _http = null!;
        _scope = null!;
    }

    // Built on first use, like the areas of NexGenClient. Each carries the tenant of its client, whose
    // token the pipeline sends: pass that client's own organisation and practice to their methods.
    internal NexGenRawClients(HttpClient http, NexGenScope scope)
    {
        _http = http;
        _scope = scope;
    }

    /// <summary>Sites (<c>/v2/sites</c>).</summary>
    public virtual ISitesClient Sites => _sites ??= new SitesClient(_http) { Scope = _scope };

    /// <summary>Patients.</summary>
    public virtual IPatientsClient Patients => _patients ??= new PatientsClient(_http) { Scope = _scope };

    /// <summary>Providers.</summary>
    public virtual IProvidersClient Providers => _providers ??= new ProvidersClient(_http) { Scope = _scope };

    /// <summary>Appointment types.</summary>
    public virtual IAppointmentTypesClient AppointmentTypes => _appointmentTypes ??= new AppointmentTypesClient(_http) { Scope = _scope };

    /// <summary>Appointments.</summary>
    public virtual IAppointmentsClient Appointments => _appointments ??= new AppointmentsClient(_http) { Scope = _scope };

    /// <summary>Schedule.</summary>
    public virtual IScheduleClient Schedule => _schedule ??= new ScheduleClient(_http) { Scope = _scope };
}
