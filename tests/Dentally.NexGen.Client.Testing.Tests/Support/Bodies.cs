namespace Dentally.NexGen.Client.Testing.Tests.Support;

/// <summary>Request bodies from the booking guide, and variations of them.</summary>
internal static class Bodies
{
    /// <summary>Tuesday 20 May 2025, the guide's booking day.</summary>
    public static readonly DateTime GuideDay = new(2025, 5, 20);

    public static DateTime At(int hour, int minute = 0) => GuideDay.AddHours(hour).AddMinutes(minute);

    /// <summary>The guide's step 3 in an organisation whose guide data has <paramref name="ids"/>, at another time when given.</summary>
    public static NewAppointment Appointment(SandboxSeedIds ids, DateTime? start = null) => new()
    {
        PatientUuid = ids.JaneSmith,
        AppointmentTypeUuid = ids.NewPatientExam,
        LocationUuid = ids.MainStreetDental,
        ProviderUuid = ids.MichaelChen,
        ScheduledStart = start ?? At(10),
        ScheduledEnd = (start ?? At(10)).AddHours(1),
    };

    /// <summary>The guide's step 3, with other times or provider when given.</summary>
    public static NewAppointment Appointment(DateTime? start = null, DateTime? end = null, Guid? provider = null, string? notes = "New patient — first visit") => new()
    {
        PatientUuid = SandboxSeed.JaneSmith,
        AppointmentTypeUuid = SandboxSeed.NewPatientExam,
        LocationUuid = SandboxSeed.MainStreetDental,
        ProviderUuid = provider ?? SandboxSeed.MichaelChen,
        ScheduledStart = start ?? At(10),
        ScheduledEnd = end ?? (start ?? At(10)).AddHours(1),
        Notes = notes,
    };

    /// <summary>The guide's step 3 as raw JSON, with the times written exactly as given, in an organisation whose guide data has <paramref name="ids"/> (default the spec's).</summary>
    public static string AppointmentJson(string start = "2025-05-20T10:00:00", string end = "2025-05-20T11:00:00", Guid? provider = null, string notes = "New patient — first visit", SandboxSeedIds? ids = null)
    {
        ids ??= SandboxSeedIds.Spec;
        return $$"""
           {"patient_uuid":"{{ids.JaneSmith}}","appointment_type_uuid":"{{ids.NewPatientExam}}","location_uuid":"{{ids.MainStreetDental}}","provider_uuid":"{{provider ?? ids.MichaelChen}}","scheduled_start":"{{start}}","scheduled_end":"{{end}}","notes":"{{notes}}"}
           """;
    }

    public static PatientCreate Patient(string first = "Ada", string last = "Lovelace") => new()
    {
        FirstName = first,
        LastName = last,
        DateOfBirth = new DateTime(1990, 12, 10),
        Email = "ada@example.com",
    };
}
