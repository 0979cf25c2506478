using System.Globalization;

namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// The data a sandbox starts with, copied value for value from the spec's <c>components/examples</c>
/// (SiteMainStreetDental, SiteHarbourViewDental, PatientPageSmith, ProviderList, AppointmentTypeList).
/// No appointments: the guide's walk-through books 2025-05-20 10:00 itself. The UUIDs are the
/// organisation's (<see cref="SandboxState.SeedIds"/>): the spec's in the default organisation.
/// </summary>
internal static class GuideSeed
{
    public static void Apply(SandboxState state)
    {
        var ids = state.SeedIds;
        state.Sites.Put(MainStreetDental(ids.MainStreetDental));
        state.Sites.Put(HarbourViewDental(ids.HarbourViewDental));
        state.Providers.Put(new ProviderRecord(new Provider { Uuid = ids.MichaelChen, FirstName = "Michael", LastName = "Chen", Title = "DDS" }, isActive: true, locationUuids: null));
        state.Providers.Put(new ProviderRecord(new Provider { Uuid = ids.PriyaNatarajan, FirstName = "Priya", LastName = "Natarajan", Title = "DMD" }, isActive: true, locationUuids: null));
        state.AppointmentTypes.Put(Type(ids.NewPatientExam, "NPE", "New Patient Exam", 60, "#4f46e5", requiresExam: true));
        state.AppointmentTypes.Put(Type(ids.HygieneCleaning, "HYG", "Hygiene / Cleaning", 45, "#059669", requiresExam: false));
        state.AppointmentTypes.Put(Type(ids.EmergencyVisit, "EMG", "Emergency Visit", 30, "#dc2626", requiresExam: true));
        state.Patients.Put(new Patient
        {
            Uuid = ids.JaneSmith,
            FirstName = "Jane",
            LastName = "Smith",
            DateOfBirth = new DateTime(1986, 4, 12),
            PrimaryPhone = "+1-415-555-0148",
            Email = "jane.smith@example.com",
            PreferredProviderUuid = ids.MichaelChen,
        });
        state.Patients.Put(new Patient
        {
            Uuid = ids.JonathanSmith,
            FirstName = "Jonathan",
            LastName = "Smith",
            DateOfBirth = new DateTime(1972, 11, 30),
            PrimaryPhone = "+1-415-555-0223",
            Email = "j.smith@example.com",
            PreferredProviderUuid = null,
        });
    }

    private static Site MainStreetDental(Guid uuid) => new()
    {
        Uuid = uuid,
        Name = "Main Street Dental",
        IsActive = true,
        Timezone = "America/Los_Angeles",
        Address = new Address { Line1 = "1450 Main Street", Line2 = "Suite 200", Town = "San Francisco", County = "California", Postcode = "94105", CountryCode = "US" },
        Contact = new Contact { Phone = "+14155550100", Email = "frontdesk@mainstreetdental.example.com", Website = new Uri("https://mainstreetdental.example.com") },
        OpeningHours =
        [
            Hours("monday", "08:30", "12:30"), Hours("monday", "13:30", "17:30"),
            Hours("tuesday", "08:30", "12:30"), Hours("tuesday", "13:30", "17:30"),
            Hours("wednesday", "08:30", "12:30"), Hours("wednesday", "13:30", "17:30"),
            Hours("thursday", "08:30", "12:30"), Hours("thursday", "13:30", "19:00"),
            Hours("friday", "08:30", "12:30"), Hours("friday", "13:30", "16:00"),
        ],
        CreatedAt = Instant("2024-03-01T09:00:00Z"),
        UpdatedAt = Instant("2025-01-15T16:45:00Z"),
    };

    private static Site HarbourViewDental(Guid uuid) => new()
    {
        Uuid = uuid,
        Name = "Harbour View Dental",
        IsActive = true,
        Timezone = "Europe/London",
        Address = new Address { Line1 = "12 Quayside", Line2 = null, Town = "Bristol", County = null, Postcode = "BS1 4RN", CountryCode = "GB" },
        Contact = new Contact { Phone = "+441179460321", Email = "hello@harbourviewdental.example.co.uk", Website = null },
        OpeningHours =
        [
            Hours("monday", "09:00", "18:00"),
            Hours("tuesday", "09:00", "18:00"),
            Hours("wednesday", "09:00", "18:00"),
            Hours("thursday", "09:00", "20:00"),
            Hours("friday", "09:00", "17:00"),
            Hours("saturday", "09:00", "13:00"),
        ],
        CreatedAt = Instant("2024-06-10T08:00:00Z"),
        UpdatedAt = Instant("2024-06-10T08:00:00Z"),
    };

    private static AppointmentType Type(Guid uuid, string code, string name, int minutes, string color, bool requiresExam) => new()
    {
        Uuid = uuid,
        Code = code,
        Name = name,
        DurationMinutes = minutes,
        Color = color,
        RequiresExam = requiresExam,
        IsActive = true,
    };

    private static OpeningHours Hours(string day, string opens, string closes) => new() { DayOfWeek = day, Opens = opens, Closes = closes };

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
