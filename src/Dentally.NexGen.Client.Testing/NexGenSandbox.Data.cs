namespace Dentally.NexGen.Client.Testing;

// Test hooks for data, on the default tenant's organisation: seeding, pre-booking, forcing a status,
// and reading state back. The same hooks for another organisation are on its NexGenSandboxTenant.
public sealed partial class NexGenSandbox
{
    /// <inheritdoc cref="NexGenSandboxTenant.SeedSite(Site)"/>
    public Site SeedSite(Site site) => DefaultTenant.SeedSite(site);

    /// <inheritdoc cref="NexGenSandboxTenant.SeedPatient(Patient)"/>
    public Patient SeedPatient(Patient patient) => DefaultTenant.SeedPatient(patient);

    /// <inheritdoc cref="NexGenSandboxTenant.SeedAppointmentType(AppointmentType)"/>
    public AppointmentType SeedAppointmentType(AppointmentType appointmentType) => DefaultTenant.SeedAppointmentType(appointmentType);

    /// <inheritdoc cref="NexGenSandboxTenant.SeedProvider(Provider, bool, IEnumerable{Guid})"/>
    public Provider SeedProvider(Provider provider, bool isActive = true, IEnumerable<Guid>? locationUuids = null)
        => DefaultTenant.SeedProvider(provider, isActive, locationUuids);

    /// <inheritdoc cref="NexGenSandboxTenant.PreBook(Guid, DateTime, DateTime?, Guid?, Guid?, Guid?, string?)"/>
    public Appointment PreBook(
        Guid providerUuid,
        DateTime scheduledStart,
        DateTime? scheduledEnd = null,
        Guid? locationUuid = null,
        Guid? patientUuid = null,
        Guid? appointmentTypeUuid = null,
        string? notes = null)
        => DefaultTenant.PreBook(providerUuid, scheduledStart, scheduledEnd, locationUuid, patientUuid, appointmentTypeUuid, notes);

    /// <inheritdoc cref="NexGenSandboxTenant.SetAppointmentStatus(Guid, string)"/>
    public Appointment SetAppointmentStatus(Guid appointmentUuid, string status) => DefaultTenant.SetAppointmentStatus(appointmentUuid, status);

    /// <inheritdoc cref="NexGenSandboxTenant.GetAppointments"/>
    public IReadOnlyList<Appointment> GetAppointments() => DefaultTenant.GetAppointments();

    /// <inheritdoc cref="NexGenSandboxTenant.GetPatients"/>
    public IReadOnlyList<Patient> GetPatients() => DefaultTenant.GetPatients();
}
