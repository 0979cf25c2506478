namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>The JSON documents printed in the booking guide (shared/seeds/004_b880e1bf3f541868.txt), copied verbatim.</summary>
internal static class GuideJson
{
    public const string PatientSearch = """
{
"items": [
{
"uuid": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
"first_name": "Jane",
"last_name": "Smith",
"date_of_birth": "1986-04-12",
"primary_phone": "+1-415-555-0148",
"email": "jane.smith@example.com",
"preferred_provider_uuid": "d4e5f6a7-b8c9-0123-defa-234567890123"
},
{
"uuid": "f0e1d2c3-b4a5-6789-0123-456789abcdef",
"first_name": "Jonathan",
"last_name": "Smith",
"date_of_birth": "1972-11-30",
"primary_phone": "+1-415-555-0223",
"email": "j.smith@example.com",
"preferred_provider_uuid": null
}
],
"page": 1,
"page_size": 5,
"total": 2
}
""";

    public const string AppointmentTypes = """
{
"items": [
{
"uuid": "b2c3d4e5-f6a7-8901-bcde-f12345678901",
"code": "NPE",
"name": "New Patient Exam",
"duration_minutes": 60,
"color": "#4f46e5",
"requires_exam": true,
"is_active": true
},
{
"uuid": "c4d5e6f7-a8b9-0123-cdef-345678901234",
"code": "HYG",
"name": "Hygiene / Cleaning",
"duration_minutes": 45,
"color": "#059669",
"requires_exam": false,
"is_active": true
},
{
"uuid": "e6f7a8b9-c0d1-2345-efab-567890123456",
"code": "EMG",
"name": "Emergency Visit",
"duration_minutes": 30,
"color": "#dc2626",
"requires_exam": true,
"is_active": true
}
],
"total": 3
}
""";

    public const string AppointmentPost = """
{
"patient_uuid": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
"appointment_type_uuid": "b2c3d4e5-f6a7-8901-bcde-f12345678901",
"location_uuid": "c3d4e5f6-a7b8-9012-cdef-123456789012",
"provider_uuid": "d4e5f6a7-b8c9-0123-defa-234567890123",
"scheduled_start": "2025-05-20T10:00:00",
"scheduled_end": "2025-05-20T11:00:00",
"notes": "New patient — first visit"
}
""";

    public const string Confirmation = """
{
"uuid": "e5f6a7b8-c9d0-1234-efab-345678901234",
"status": "scheduled",
"patient": {
"uuid": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
"first_name": "Jane",
"last_name": "Smith"
},
"appointment_type": {
"uuid": "b2c3d4e5-f6a7-8901-bcde-f12345678901",
"name": "New Patient Exam",
"duration_minutes": 60,
"color": "#4f46e5"
},
"scheduled_start": "2025-05-20T10:00:00",
"scheduled_end": "2025-05-20T11:00:00",
"location": {
"uuid": "c3d4e5f6-a7b8-9012-cdef-123456789012",
"name": "Main Street Dental"
},
"provider": {
"uuid": "d4e5f6a7-b8c9-0123-defa-234567890123",
"first_name": "Michael",
"last_name": "Chen",
"title": "DDS"
},
"created_at": "2025-05-10T14:32:00Z"
}
""";
}
