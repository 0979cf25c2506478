using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>WireMock answers for the booking guide's walk-through, with conflicts placed per start time.</summary>
internal static class WorkflowStub
{
    public const string Jane = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    public const string Jonathan = "f0e1d2c3-b4a5-6789-0123-456789abcdef";
    public const string Chen = "d4e5f6a7-b8c9-0123-defa-234567890123";
    public const string Natarajan = "0f1e2d3c-4b5a-4697-8877-665544332211";
    public const string MainStreet = "c3d4e5f6-a7b8-9012-cdef-123456789012";
    public const string Npe = "b2c3d4e5-f6a7-8901-bcde-f12345678901";
    public const string Archived = "99999999-f6a7-4901-bcde-f12345678901";

    public static readonly DateTime TenAm = new(2025, 5, 20, 10, 0, 0);

    public static string PatientJson(string uuid, string first, string dob, string? preferred)
        => $$"""{"uuid":"{{uuid}}","first_name":"{{first}}","last_name":"Smith","date_of_birth":"{{dob}}","primary_phone":null,"email":null,"preferred_provider_uuid":{{(preferred is null ? "null" : "\"" + preferred + "\"")}}}""";

    public static string Page(params string[] patients)
        => $$"""{"items":[{{string.Join(",", patients)}}],"page":1,"page_size":100,"total":{{patients.Length}}}""";

    public static string TypesJson(bool includeNewType = false)
    {
        var types = Contract.GuideJson.AppointmentTypes.Replace("""
],
"total": 3
""", $$"""
,{"uuid":"{{Archived}}","code":"ARC","name":"Archived exam","duration_minutes":30,"color":"#000000","requires_exam":false,"is_active":false}
{{(includeNewType ? """,{"uuid":"12121212-f6a7-4901-bcde-f12345678901","code":"NEW","name":"New type","duration_minutes":15,"color":"#111111","requires_exam":false,"is_active":true}""" : "")}}
],
"total": 5
""", StringComparison.Ordinal);
        return types;
    }

    public static string SlotJson(string start, string end, string provider = Chen)
        => $$"""{"provider_uuid":"{{provider}}","location_uuid":"{{MainStreet}}","scheduled_start":"{{start}}","scheduled_end":"{{end}}"}""";

    public static string ConflictJson(params string[] suggestedSlots)
        => $$"""{"type":"{{ProblemTypes.SlotConflict}}","title":"Slot conflict","status":409,"conflict":{"resource":"provider","resource_uuid":"{{Chen}}","scheduled_start":"2025-05-20T09:30:00","scheduled_end":"2025-05-20T10:30:00"},"suggested_slots":[{{string.Join(",", suggestedSlots)}}]}""";

    public static string AppointmentJson(string start, string end, string provider = Chen)
        => Contract.GuideJson.Confirmation
            .Replace("\"2025-05-20T10:00:00\"", "\"START\"", StringComparison.Ordinal)
            .Replace("\"2025-05-20T11:00:00\"", "\"END\"", StringComparison.Ordinal)
            .Replace("\"START\"", "\"" + start + "\"", StringComparison.Ordinal)
            .Replace("\"END\"", "\"" + end + "\"", StringComparison.Ordinal)
            .Replace(Chen, provider, StringComparison.Ordinal);

    public static void Types(SdkHarness harness, bool includeNewType = false)
        => harness.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/appointment-types"))
            .RespondWith(SdkHarness.Json(200, TypesJson(includeNewType)));

    public static void Search(SdkHarness harness, string query, string page)
        => harness.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/patients").WithParam("query", query))
            .RespondWith(SdkHarness.Json(200, page));

    /// <summary>POSTs starting at <paramref name="start"/> get <paramref name="response"/>.</summary>
    public static void PostAt(SdkHarness harness, string start, IResponseBuilder response)
        => harness.Server.Given(Request.Create().UsingPost().WithPath($"/api/v1/{SdkHarness.Org}/appointments")
                .WithBody((string? body) => body is not null && body.Contains($"\"scheduled_start\":\"{start}\"", StringComparison.Ordinal)))
            .RespondWith(response);

    public static void Availability(SdkHarness harness, params string[] slots)
        => harness.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/schedule/availability"))
            .RespondWith(SdkHarness.Json(200, $$"""{"items":[{{string.Join(",", slots)}}],"total":{{slots.Length}},"timezone":"America/Los_Angeles"}"""));

    /// <summary>The patient's appointments, as the workflow lists them after a first conflict to find an earlier run's booking.</summary>
    public static void PatientAppointments(SdkHarness harness, params string[] appointments)
        => harness.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/{SdkHarness.Org}/appointments"))
            .RespondWith(SdkHarness.Json(200, $$"""{"items":[{{string.Join(",", appointments)}}],"page":1,"page_size":100,"total":{{appointments.Length}}}"""));

    public static IResponseBuilder Created(string start, string end, string provider = Chen) => SdkHarness.Json(201, AppointmentJson(start, end, provider));

    public static IResponseBuilder Conflict(params string[] suggested) => SdkHarness.Json(409, ConflictJson(suggested), "application/problem+json");

    public static BookingRequest JaneNpeAtTen() => new()
    {
        PatientQuery = "Jane",
        AppointmentTypeCode = "NPE",
        LocationUuid = Guid.Parse(MainStreet),
        Start = TenAm,
        Notes = "New patient — first visit",
    };
}
