using Dentally.NexGen.Client.Serialization;
using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>
/// One operation of the contract: how the generated client is called, and exactly what must go on
/// the wire for that call. Bodies are the spec's own request examples.
/// </summary>
internal sealed class OperationCase
{
    public const string Org = "org_7f3c2a9e";
    public const string Practice = "practice_42";
    public const string IdempotencyKey = "6f1c9a2e-3b4d-4c8e-9f0a-1b2c3d4e5f60";
    public static readonly Guid SiteUuid = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");
    public static readonly Guid PatientUuid = Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    public static readonly Guid ProviderUuid = Guid.Parse("d4e5f6a7-b8c9-0123-defa-234567890123");
    public static readonly Guid TypeUuid = Guid.Parse("b2c3d4e5-f6a7-8901-bcde-f12345678901");
    public static readonly Guid AppointmentUuid = Guid.Parse("e5f6a7b8-c9d0-1234-efab-345678901234");

    private OperationCase(string operationId, string method, string path, string query, IReadOnlyDictionary<string, string> headers, Func<RawClients, JToken?, Task<object>> invoke)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Invoke = invoke;
    }

    public string OperationId { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The exact query string, without '?', as the client must send it.</summary>
    public string Query { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Calls the operation; the JToken is the request body example, when the operation has one.</summary>
    public Func<RawClients, JToken?, Task<object>> Invoke { get; }

    public bool HasBody => ContractSpec.Instance.Operation(OperationId)["requestBody"] is not null;

    public override string ToString() => OperationId;

    public static IReadOnlyList<OperationCase> All { get; } = Build();

    public static OperationCase Get(string operationId) => All.Single(c => c.OperationId == operationId);

    private static T Body<T>(JToken? example) => example!.ToObject<T>(JsonSerializer.Create(NexGenJsonSettings.Apply(new JsonSerializerSettings())))!;

    private static Dictionary<string, string> H(params (string Name, string Value)[] headers)
        => headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);

    private static List<OperationCase> Build()
    {
        var practice = ("X-Practice-Id", Practice);
        var key = ("Idempotency-Key", IdempotencyKey);
        return
        [
            new("listSites", "GET", "/v2/sites", "page=2&page_size=5&is_active=true", H(practice),
                async (c, _) => await c.Sites.ListSitesAsync(Practice, 2, 5, true)),
            new("getSite", "GET", $"/v2/sites/{SiteUuid}", "", H(practice),
                async (c, _) => await c.Sites.GetSiteAsync(Practice, SiteUuid)),
            new("searchPatients", "GET", $"/api/v1/{Org}/patients", "query=Jane%20Smith&page=1&page_size=5", H(practice),
                async (c, _) => await c.Patients.SearchPatientsAsync(Org, Practice, "Jane Smith", 1, 5)),
            new("createPatient", "POST", $"/api/v1/{Org}/patients", "", H(practice, key),
                async (c, body) => await c.Patients.CreatePatientAsync(Body<PatientCreate>(body), Org, Practice, IdempotencyKey)),
            new("getPatient", "GET", $"/api/v1/{Org}/patients/{PatientUuid}", "", H(practice),
                async (c, _) => await c.Patients.GetPatientAsync(Org, PatientUuid, Practice)),
            new("listProviders", "GET", $"/api/v1/{Org}/providers", $"location_uuid={SiteUuid}&is_active=true", H(practice),
                async (c, _) => await c.Providers.ListProvidersAsync(Org, Practice, SiteUuid, true)),
            new("listAppointmentTypes", "GET", $"/api/v1/{Org}/appointment-types", "is_active=true", H(practice),
                async (c, _) => await c.AppointmentTypes.ListAppointmentTypesAsync(Org, Practice, true)),
            new("createAppointment", "POST", $"/api/v1/{Org}/appointments", "", H(practice, key),
                async (c, body) => await c.Appointments.CreateAppointmentAsync(Body<AppointmentCreate>(body), Org, Practice, IdempotencyKey)),
            new("listAppointments", "GET", $"/api/v1/{Org}/appointments",
                $"patient_uuid={PatientUuid}&provider_uuid={ProviderUuid}&location_uuid={SiteUuid}&status=no_show&from=2025-05-20T00%3A00%3A00&to=2025-05-21T00%3A00%3A00&page=3&page_size=100",
                H(practice),
                async (c, _) => await c.Appointments.ListAppointmentsAsync(Org, Practice, PatientUuid, ProviderUuid, SiteUuid, "no_show", "2025-05-20T00:00:00", "2025-05-21T00:00:00", 3, 100)),
            new("getAppointment", "GET", $"/api/v1/{Org}/appointments/{AppointmentUuid}", "", H(practice),
                async (c, _) => await c.Appointments.GetAppointmentAsync(Org, AppointmentUuid, Practice)),
            new("updateAppointment", "PATCH", $"/api/v1/{Org}/appointments/{AppointmentUuid}", "", H(practice),
                async (c, body) => await c.Appointments.UpdateAppointmentAsync(Body<AppointmentUpdate>(body), Org, AppointmentUuid, Practice)),
            new("changeAppointmentStatus", "POST", $"/api/v1/{Org}/appointments/{AppointmentUuid}/status", "", H(practice),
                async (c, body) => await c.Appointments.ChangeAppointmentStatusAsync(Body<AppointmentStatusChange>(body), Org, AppointmentUuid, Practice)),
            new("cancelAppointment", "POST", $"/api/v1/{Org}/appointments/{AppointmentUuid}/cancel", "", H(practice),
                async (c, body) => await c.Appointments.CancelAppointmentAsync(Body<AppointmentCancel>(body), Org, AppointmentUuid, Practice)),
            new("getAvailability", "GET", $"/api/v1/{Org}/schedule/availability",
                $"location_uuid={SiteUuid}&appointment_type_uuid={TypeUuid}&from=2025-05-20T08%3A00%3A00&to=2025-05-20T18%3A00%3A00&provider_uuid={ProviderUuid}",
                H(practice),
                async (c, _) => await c.Schedule.GetAvailabilityAsync(SiteUuid, TypeUuid, "2025-05-20T08:00:00", "2025-05-20T18:00:00", Org, Practice, ProviderUuid)),
        ];
    }
}
