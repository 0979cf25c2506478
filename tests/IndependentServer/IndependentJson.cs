using System.Globalization;
using System.Text.Json;

namespace Dentally.NexGen.Independent;

/// <summary>
/// How the independent server writes the contract's resources: System.Text.Json (which escapes every
/// non-ASCII character), members in its own order, members the contract does not name on every object,
/// and optional members left out when they have no value.
/// </summary>
internal static class IndependentJson
{
    public const string LocalTime = "yyyy-MM-dd'T'HH:mm:ss";

    public static void Appointment(Utf8JsonWriter w, AppointmentRecord a, bool withNotes)
    {
        w.WriteStartObject();
        if (a.UpdatedAt is { } updated)
        {
            w.WriteString("updated_at", Instant(updated));
        }

        w.WriteStartObject("provider");
        w.WriteString("title", a.Provider.Title);
        w.WriteString("last_name", a.Provider.LastName);
        w.WriteString("first_name", a.Provider.FirstName);
        w.WriteString("uuid", Id(a.Provider.Uuid));
        w.WriteString("npi", "1234567893");
        w.WriteEndObject();
        w.WriteString("scheduled_end", Local(a.CurrentEnd));
        w.WriteString("scheduled_start", Local(a.CurrentStart));
        w.WriteString("status", a.Status);
        w.WriteStartObject("location");
        w.WriteString("name", a.Site.Name);
        w.WriteString("uuid", Id(a.Site.Uuid));
        w.WriteString("timezone", a.Site.TimeZone);
        w.WriteEndObject();
        w.WriteStartObject("appointment_type");
        w.WriteString("color", a.Type.Color);
        w.WriteNumber("duration_minutes", a.Type.DurationMinutes);
        w.WriteString("name", a.Type.Name);
        w.WriteString("uuid", Id(a.Type.Uuid));
        w.WriteString("code", a.Type.Code);
        w.WriteEndObject();
        w.WriteStartObject("patient");
        w.WriteString("last_name", a.Patient.LastName);
        w.WriteString("first_name", a.Patient.FirstName);
        w.WriteString("uuid", Id(a.Patient.Uuid));
        w.WriteEndObject();
        w.WriteString("uuid", Id(a.Uuid));
        w.WriteString("created_at", Instant(a.CreatedAt));
        if (withNotes && a.CurrentNotes is { } notes)
        {
            w.WriteString("notes", notes);
        }

        w.WriteString("operatory_uuid", "3b1f0c9e-7a4d-4e2b-9c6f-8d0e1a2b3c4d");
        w.WriteString("source", "api");
        w.WriteEndObject();
    }

    public static void Patient(Utf8JsonWriter w, PatientRecord p)
    {
        w.WriteStartObject();
        w.WriteString("date_of_birth", p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("last_name", p.LastName);
        w.WriteString("first_name", p.FirstName);
        w.WriteString("uuid", Id(p.Uuid));
        if (p.Phone is not null)
        {
            w.WriteString("primary_phone", p.Phone);
        }

        if (p.Email is not null)
        {
            w.WriteString("email", p.Email);
        }

        if (p.PreferredProvider is { } preferred)
        {
            w.WriteString("preferred_provider_uuid", Id(preferred));
        }

        w.WriteString("patient_number", "P-" + p.Uuid.ToString("N")[..6].ToUpperInvariant());
        w.WriteEndObject();
    }

    public static void Provider(Utf8JsonWriter w, ProviderRecord p)
    {
        w.WriteStartObject();
        w.WriteString("title", p.Title);
        w.WriteString("uuid", Id(p.Uuid));
        w.WriteString("last_name", p.LastName);
        w.WriteString("first_name", p.FirstName);
        w.WriteBoolean("accepts_new_patients", true);
        w.WriteEndObject();
    }

    public static void Type(Utf8JsonWriter w, TypeRecord t)
    {
        w.WriteStartObject();
        w.WriteBoolean("is_active", t.IsActive);
        w.WriteString("name", t.Name);
        w.WriteString("code", t.Code);
        w.WriteString("uuid", Id(t.Uuid));
        w.WriteNumber("duration_minutes", t.DurationMinutes);
        w.WriteBoolean("requires_exam", t.RequiresExam);
        w.WriteString("color", t.Color);
        w.WriteString("category", "general");
        w.WriteEndObject();
    }

    public static void Slot(Utf8JsonWriter w, FreeSlot s)
    {
        w.WriteStartObject();
        w.WriteString("scheduled_end", Local(s.End));
        w.WriteString("scheduled_start", Local(s.Start));
        w.WriteString("location_uuid", Id(s.Site));
        w.WriteString("provider_uuid", Id(s.Provider));
        w.WriteString("operatory_uuid", "3b1f0c9e-7a4d-4e2b-9c6f-8d0e1a2b3c4d");
        w.WriteEndObject();
    }

    public static void Site(Utf8JsonWriter w, SiteRecord s)
    {
        w.WriteStartObject();
        w.WriteString("updated_at", "2025-01-15T16:45:00.5Z");
        w.WriteStartArray("opening_hours");
        foreach (var (day, opens, closes) in s.Hours)
        {
            w.WriteStartObject();
            w.WriteString("closes", closes.ToString("HH:mm", CultureInfo.InvariantCulture));
            w.WriteString("opens", opens.ToString("HH:mm", CultureInfo.InvariantCulture));
            w.WriteString("day_of_week", day.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("contact");
        w.WriteString("email", "frontdesk@example.com");
        w.WriteString("phone", "+14155550100");
        w.WriteString("fax", "+14155550101");
        w.WriteEndObject();
        w.WriteStartObject("address");
        w.WriteString("country_code", s.TimeZone.StartsWith("Europe", StringComparison.Ordinal) ? "GB" : "US");
        w.WriteString("postcode", "94105");
        w.WriteString("town", "Somewhere");
        w.WriteString("line_1", "1 High Street");
        w.WriteString("what3words", "index.home.raft");
        w.WriteEndObject();
        w.WriteString("timezone", s.TimeZone);
        w.WriteBoolean("is_active", true);
        w.WriteString("name", s.Name);
        w.WriteString("uuid", Id(s.Uuid));
        w.WriteString("created_at", "2024-03-01T09:00:00.000Z");
        w.WriteEndObject();
    }

    /// <summary>A uuid as this server writes the ones it shows: upper case (RFC 4122 reads either case).</summary>
    public static string Id(Guid id) => id.ToString("D").ToUpperInvariant();

    public static string Local(DateTime time) => time.ToString(LocalTime, CultureInfo.InvariantCulture);

    /// <summary>An instant in UTC with seven fractional digits and <c>Z</c>, as RFC 3339 allows.</summary>
    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
