using System.Globalization;
using System.Text;

namespace Dentally.NexGen.Client.Benchmarks.Server;

/// <summary>
/// The loopback server's response bodies, encoded once: the server must cost the same for every
/// request so that any difference between two benchmarks is the client's. Values come from the
/// spec's examples (PatientPageSmith, PatientJane, AppointmentTypeList, AppointmentBooked).
/// </summary>
internal static class FixedResponses
{
    private const string Jane = """
        {"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith","date_of_birth":"1986-04-12","primary_phone":"+1-415-555-0148","email":"jane.smith@example.com","preferred_provider_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123"}
        """;

    private const string Jonathan = """
        {"uuid":"f0e1d2c3-b4a5-6789-0123-456789abcdef","first_name":"Jonathan","last_name":"Smith","date_of_birth":"1972-11-30","primary_phone":"+1-415-555-0223","email":"j.smith@example.com","preferred_provider_uuid":null}
        """;

    /// <summary>First names for the 18 patients the spec's two-patient example does not cover.</summary>
    private static readonly string[] MoreFirstNames =
    [
        "Ava", "Ben", "Chloe", "Daniel", "Emma", "Finn", "Grace", "Henry", "Isla",
        "Jack", "Keira", "Liam", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Ruby",
    ];

    /// <summary>A page of 20 "Smith" patients: the spec's Jane and Jonathan, then 18 of the same shape.</summary>
    public static byte[] PatientPageOf20 { get; } = Utf8(
        "{\"items\":[" + string.Join(",", [Jane, Jonathan, .. MoreFirstNames.Select(MorePatient)]) +
        "],\"page\":1,\"page_size\":20,\"total\":20}");

    /// <summary>The booking scenario's search: Jane alone, so the workflow finds exactly one patient.</summary>
    public static byte[] PatientPageJaneOnly { get; } = Utf8("{\"items\":[" + Jane + "],\"page\":1,\"page_size\":100,\"total\":1}");

    /// <summary>The spec's AppointmentTypeList example: NPE, HYG and EMG.</summary>
    public static byte[] AppointmentTypes { get; } = Utf8("""
        {"items":[{"uuid":"b2c3d4e5-f6a7-8901-bcde-f12345678901","code":"NPE","name":"New Patient Exam","duration_minutes":60,"color":"#4f46e5","requires_exam":true,"is_active":true},{"uuid":"c4d5e6f7-a8b9-0123-cdef-345678901234","code":"HYG","name":"Hygiene / Cleaning","duration_minutes":45,"color":"#059669","requires_exam":false,"is_active":true},{"uuid":"e6f7a8b9-c0d1-2345-efab-567890123456","code":"EMG","name":"Emergency Visit","duration_minutes":30,"color":"#dc2626","requires_exam":true,"is_active":true}],"total":3}
        """);

    /// <summary>The spec's AppointmentBooked example, the 201 body of every POST.</summary>
    public static byte[] AppointmentBooked { get; } = Utf8("""
        {"uuid":"e5f6a7b8-c9d0-1234-efab-345678901234","status":"scheduled","patient":{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith"},"appointment_type":{"uuid":"b2c3d4e5-f6a7-8901-bcde-f12345678901","name":"New Patient Exam","duration_minutes":60,"color":"#4f46e5"},"scheduled_start":"2025-05-20T10:00:00","scheduled_end":"2025-05-20T11:00:00","location":{"uuid":"c3d4e5f6-a7b8-9012-cdef-123456789012","name":"Main Street Dental"},"provider":{"uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","first_name":"Michael","last_name":"Chen","title":"DDS"},"created_at":"2025-05-10T14:32:00Z"}
        """);

    /// <summary>The spec's Location header example for the booked appointment.</summary>
    public const string AppointmentLocation = "/api/v1/org_7f3c2a9e/appointments/e5f6a7b8-c9d0-1234-efab-345678901234";

    private static string MorePatient(string firstName, int index)
    {
        var n = index + 3;
        var provider = (n % 3) switch
        {
            0 => "null",
            1 => "\"d4e5f6a7-b8c9-0123-defa-234567890123\"",
            _ => "\"0f1e2d3c-4b5a-4697-8877-665544332211\"",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"uuid\":\"a1b2c3d4-e5f6-7890-abcd-{n:x12}\",\"first_name\":\"{firstName}\",\"last_name\":\"Smith\"," +
            $"\"date_of_birth\":\"19{50 + n:00}-0{1 + (n % 9)}-1{n % 10}\",\"primary_phone\":\"+1-415-555-0{300 + n}\"," +
            $"\"email\":\"patient{n}.smith@example.com\",\"preferred_provider_uuid\":{provider}}}");
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
