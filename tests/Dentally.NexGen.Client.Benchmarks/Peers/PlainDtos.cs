using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Benchmarks.Peers;

// The plain DTOs a hand-written client would declare: only the members the scenarios use, no
// extension data, no converters.

public sealed class PlainPatient
{
    [JsonProperty("uuid")] public Guid Uuid { get; set; }
    [JsonProperty("first_name")] public string? FirstName { get; set; }
    [JsonProperty("last_name")] public string? LastName { get; set; }
    [JsonProperty("date_of_birth")] public string? DateOfBirth { get; set; }
    [JsonProperty("primary_phone")] public string? PrimaryPhone { get; set; }
    [JsonProperty("email")] public string? Email { get; set; }
    [JsonProperty("preferred_provider_uuid")] public Guid? PreferredProviderUuid { get; set; }
}

public sealed class PlainPatientPage
{
    [JsonProperty("items")] public List<PlainPatient> Items { get; set; } = [];
    [JsonProperty("page")] public int Page { get; set; }
    [JsonProperty("page_size")] public int PageSize { get; set; }
    [JsonProperty("total")] public int Total { get; set; }
}

public sealed class PlainAppointmentType
{
    [JsonProperty("uuid")] public Guid Uuid { get; set; }
    [JsonProperty("code")] public string? Code { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("duration_minutes")] public int DurationMinutes { get; set; }
    [JsonProperty("is_active")] public bool IsActive { get; set; }
}

public sealed class PlainAppointmentTypeList
{
    [JsonProperty("items")] public List<PlainAppointmentType> Items { get; set; } = [];
    [JsonProperty("total")] public int Total { get; set; }
}

public sealed class PlainAppointmentCreate
{
    [JsonProperty("patient_uuid")] public Guid PatientUuid { get; set; }
    [JsonProperty("appointment_type_uuid")] public Guid AppointmentTypeUuid { get; set; }
    [JsonProperty("location_uuid")] public Guid LocationUuid { get; set; }
    [JsonProperty("provider_uuid")] public Guid ProviderUuid { get; set; }
    [JsonProperty("scheduled_start")] public string? ScheduledStart { get; set; }
    [JsonProperty("scheduled_end")] public string? ScheduledEnd { get; set; }
    [JsonProperty("notes", NullValueHandling = NullValueHandling.Ignore)] public string? Notes { get; set; }
}

public sealed class PlainAppointment
{
    [JsonProperty("uuid")] public Guid Uuid { get; set; }
    [JsonProperty("status")] public string? Status { get; set; }
    [JsonProperty("scheduled_start")] public string? ScheduledStart { get; set; }
    [JsonProperty("scheduled_end")] public string? ScheduledEnd { get; set; }
    [JsonProperty("notes")] public string? Notes { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset CreatedAt { get; set; }
}
