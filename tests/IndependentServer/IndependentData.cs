namespace Dentally.NexGen.Independent;

/// <summary>
/// The records of the independent server: the contract's resources as this server keeps them, seeded
/// with the booking guide's people (same uuids, so a caller's test reads like the guide) and more.
/// </summary>
internal sealed class IndependentData
{
    public static readonly Guid MainStreetDental = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");
    public static readonly Guid HarbourViewDental = Guid.Parse("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
    public static readonly Guid MichaelChen = Guid.Parse("d4e5f6a7-b8c9-0123-defa-234567890123");
    public static readonly Guid PriyaNatarajan = Guid.Parse("0f1e2d3c-4b5a-4697-8877-665544332211");
    public static readonly Guid JaneSmith = Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    public static readonly Guid JonathanSmith = Guid.Parse("f0e1d2c3-b4a5-6789-0123-456789abcdef");
    public static readonly Guid NewPatientExam = Guid.Parse("b2c3d4e5-f6a7-8901-bcde-f12345678901");
    public static readonly Guid ArchivedNewPatientExam = Guid.Parse("9d3f1a62-5b0e-4c7d-a8e1-2f4b6c8d0e13");
    public static readonly Guid Hygiene = Guid.Parse("c4d5e6f7-a8b9-0123-cdef-345678901234");

    /// <summary>Jonathan Smith's booking with Michael Chen on the guide's day, 09:30–10:30: the guide's 10:00 collides with it.</summary>
    public static readonly Guid GuideDayConflict = Guid.Parse("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");

    /// <summary>Thirty more patients named Smith: more than one capped page (25) of a search for "Smith".</summary>
    public const int ExtraSmiths = 30;

    public Dictionary<Guid, SiteRecord> Sites { get; } = [];

    public List<PatientRecord> Patients { get; } = [];

    public List<ProviderRecord> Providers { get; } = [];

    public List<TypeRecord> Types { get; } = [];

    public List<AppointmentRecord> Appointments { get; } = [];

    public static IndependentData Seed(DateTimeOffset now)
    {
        var data = new IndependentData();
        data.Sites[MainStreetDental] = new SiteRecord(MainStreetDental, "Main Street Dental", IndependentServer.PracticeA, "America/Los_Angeles",
        [
            .. Weekdays(new TimeOnly(8, 30), new TimeOnly(12, 30)),
            .. Weekdays(new TimeOnly(13, 30), new TimeOnly(17, 30)),
        ]);
        data.Sites[HarbourViewDental] = new SiteRecord(HarbourViewDental, "Harbour View Dental", IndependentServer.PracticeB, "Europe/London",
        [
            .. Weekdays(new TimeOnly(9, 0), new TimeOnly(18, 0)),
            (DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(13, 0)),
        ]);

        data.Providers.Add(new ProviderRecord(MichaelChen, "Michael", "Chen", "DDS", [MainStreetDental]));
        data.Providers.Add(new ProviderRecord(PriyaNatarajan, "Priya", "Natarajan", "DMD", [MainStreetDental, HarbourViewDental]));

        // Codes are not unique in the contract: an archived type keeps its code, and comes first here.
        data.Types.Add(new TypeRecord(ArchivedNewPatientExam, "NPE", "New Patient Exam (2019)", 45, "#6b7280", RequiresExam: true, IsActive: false));
        data.Types.Add(new TypeRecord(NewPatientExam, "NPE", "New Patient Exam", 60, "#4f46e5", RequiresExam: true, IsActive: true));
        data.Types.Add(new TypeRecord(Hygiene, "HYG", "Hygiene / Cleaning", 45, "#059669", RequiresExam: false, IsActive: true));
        data.Types.Add(new TypeRecord(Guid.Parse("e6f7a8b9-c0d1-2345-efab-567890123456"), "EMG", "Emergency Visit", 30, "#dc2626", RequiresExam: true, IsActive: true));

        data.Patients.Add(new PatientRecord(JaneSmith, "Jane", "Smith", new DateOnly(1986, 4, 12), "+1-415-555-0148", "jane.smith@example.com", MichaelChen));
        data.Patients.Add(new PatientRecord(JonathanSmith, "Jonathan", "Smith", new DateOnly(1972, 11, 30), null, null, null));
        for (var i = 1; i <= ExtraSmiths; i++)
        {
            data.Patients.Add(new PatientRecord(ExtraSmith(i), "Patient" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), "Smith", new DateOnly(1950, 1, 1).AddDays(i * 400), null, null, PriyaNatarajan));
        }

        var jonathan = data.Patients[1];
        var npe = data.Types[1];
        data.Appointments.Add(new AppointmentRecord(GuideDayConflict, jonathan, npe, data.Sites[MainStreetDental], data.Providers[0],
            new DateTime(2025, 5, 20, 9, 30, 0), new DateTime(2025, 5, 20, 10, 30, 0), "no_show_risk: low", now.AddDays(-30)) { Status = "confirmed" });

        // A status the SDK does not know yet: the contract says the server may add it.
        data.Appointments.Add(new AppointmentRecord(Guid.Parse("6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0"), data.Patients[0], npe, data.Sites[MainStreetDental], data.Providers[0],
            new DateTime(2025, 5, 13, 10, 0, 0), new DateTime(2025, 5, 13, 11, 0, 0), null, now.AddDays(-40)) { Status = "no_show" });
        return data;
    }

    /// <summary>The uuid of the <paramref name="index"/>th extra Smith (1-based).</summary>
    public static Guid ExtraSmith(int index) => Guid.Parse($"00000000-0000-4000-8000-{index:000000000000}");

    private static IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> Weekdays(TimeOnly opens, TimeOnly closes)
        => new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => (d, opens, closes));
}

internal sealed record SiteRecord(Guid Uuid, string Name, string Practice, string TimeZone, IReadOnlyList<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> Hours);

internal sealed record PatientRecord(Guid Uuid, string FirstName, string LastName, DateOnly DateOfBirth, string? Phone, string? Email, Guid? PreferredProvider);

internal sealed record ProviderRecord(Guid Uuid, string FirstName, string LastName, string Title, IReadOnlyList<Guid> Sites);

internal sealed record TypeRecord(Guid Uuid, string Code, string Name, int DurationMinutes, string Color, bool RequiresExam, bool IsActive);

internal sealed record AppointmentRecord(Guid Uuid, PatientRecord Patient, TypeRecord Type, SiteRecord Site, ProviderRecord Provider, DateTime Start, DateTime End, string? Notes, DateTimeOffset CreatedAt)
{
    public string Status { get; set; } = "scheduled";

    public DateTime CurrentStart { get; set; } = Start;

    public DateTime CurrentEnd { get; set; } = End;

    public string? CurrentNotes { get; set; } = Notes;

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Whether it still holds its provider's time.</summary>
    public bool Holds => Status != "cancelled";
}
