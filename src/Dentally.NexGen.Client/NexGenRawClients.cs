using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>The generated clients, one per API area, sharing one configured <see cref="HttpClient"/>.</summary>
public class NexGenRawClients
{
    private readonly HttpClient _http;
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
    }

    // Built on first use, like the areas of NexGenClient.
    internal NexGenRawClients(HttpClient http)
    {
        _http = http;
    }

    /// <summary>Sites (<c>/v2/sites</c>).</summary>
    public virtual ISitesClient Sites => _sites ??= new SitesClient(_http);

    /// <summary>Patients.</summary>
    public virtual IPatientsClient Patients => _patients ??= new PatientsClient(_http);

    /// <summary>Providers.</summary>
    public virtual IProvidersClient Providers => _providers ??= new ProvidersClient(_http);

    /// <summary>Appointment types.</summary>
    public virtual IAppointmentTypesClient AppointmentTypes => _appointmentTypes ??= new AppointmentTypesClient(_http);

    /// <summary>Appointments.</summary>
    public virtual IAppointmentsClient Appointments => _appointments ??= new AppointmentsClient(_http);

    /// <summary>Schedule.</summary>
    public virtual IScheduleClient Schedule => _schedule ??= new ScheduleClient(_http);
}
