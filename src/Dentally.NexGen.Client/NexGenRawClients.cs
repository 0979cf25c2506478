using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>The generated clients, one per API area, sharing one configured <see cref="HttpClient"/>.</summary>
public sealed class NexGenRawClients
{
    internal NexGenRawClients(HttpClient http)
    {
        Sites = new SitesClient(http);
        Patients = new PatientsClient(http);
        Providers = new ProvidersClient(http);
        AppointmentTypes = new AppointmentTypesClient(http);
        Appointments = new AppointmentsClient(http);
        Schedule = new ScheduleClient(http);
    }

    /// <summary>Sites (<c>/v2/sites</c>).</summary>
    public ISitesClient Sites { get; }

    /// <summary>Patients.</summary>
    public IPatientsClient Patients { get; }

    /// <summary>Providers.</summary>
    public IProvidersClient Providers { get; }

    /// <summary>Appointment types.</summary>
    public IAppointmentTypesClient AppointmentTypes { get; }

    /// <summary>Appointments.</summary>
    public IAppointmentsClient Appointments { get; }

    /// <summary>Schedule.</summary>
    public IScheduleClient Schedule { get; }
}
