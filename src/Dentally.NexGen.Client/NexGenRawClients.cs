using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>The generated clients, one per API area, sharing one configured <see cref="HttpClient"/>.</summary>
public sealed class NexGenRawClients
{
    private readonly HttpClient _http;
    private ISitesClient? _sites;
    private IPatientsClient? _patients;
    private IProvidersClient? _providers;
    private IAppointmentTypesClient? _appointmentTypes;
    private IAppointmentsClient? _appointments;
    private IScheduleClient? _schedule;

    // Built on first use, like the areas of NexGenClient.
    internal NexGenRawClients(HttpClient http)
    {
        _http = http;
    }

    /// <summary>Sites (<c>/v2/sites</c>).</summary>
    public ISitesClient Sites => _sites ??= new SitesClient(_http);

    /// <summary>Patients.</summary>
    public IPatientsClient Patients => _patients ??= new PatientsClient(_http);

    /// <summary>Providers.</summary>
    public IProvidersClient Providers => _providers ??= new ProvidersClient(_http);

    /// <summary>Appointment types.</summary>
    public IAppointmentTypesClient AppointmentTypes => _appointmentTypes ??= new AppointmentTypesClient(_http);

    /// <summary>Appointments.</summary>
    public IAppointmentsClient Appointments => _appointments ??= new AppointmentsClient(_http);

    /// <summary>Schedule.</summary>
    public IScheduleClient Schedule => _schedule ??= new ScheduleClient(_http);
}
