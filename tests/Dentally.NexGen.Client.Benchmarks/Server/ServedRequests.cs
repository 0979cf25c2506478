namespace Dentally.NexGen.Client.Benchmarks.Server;

/// <summary>What the server answered, so a run can prove how many requests a booking really made.</summary>
internal sealed class ServedRequests
{
    private long _patientSearches;
    private long _appointmentTypeLists;
    private long _appointmentCreates;

    public long PatientSearches => Interlocked.Read(ref _patientSearches);

    public long AppointmentTypeLists => Interlocked.Read(ref _appointmentTypeLists);

    public long AppointmentCreates => Interlocked.Read(ref _appointmentCreates);

    public long Total => PatientSearches + AppointmentTypeLists + AppointmentCreates;

    public void PatientSearch() => Interlocked.Increment(ref _patientSearches);

    public void AppointmentTypeList() => Interlocked.Increment(ref _appointmentTypeLists);

    public void AppointmentCreate() => Interlocked.Increment(ref _appointmentCreates);
}
