using System.Globalization;
using System.Net.Http.Headers;

namespace Dentally.NexGen.Client.Benchmarks.Peers;

/// <summary>
/// A peer: the client NSwag generates from the same spec with its default settings (nswag.json in this
/// project), over one shared HttpClient carrying the bearer token. No retries, timeouts or typed errors.
/// The booking is the same two requests as the SDK's on a warm type cache.
/// </summary>
internal sealed class NSwagDefaultPeer : IDisposable
{
    private readonly HttpClient _http;
    private readonly NSwagDefault.Client _client;
    private NSwagDefault.AppointmentType _npe = null!;

    public NSwagDefaultPeer(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SpecExamples.Token);
        _client = new NSwagDefault.Client(_http) { BaseUrl = baseAddress.AbsoluteUri };
    }

    /// <summary>Fetches the types once, as a warm cache holds them.</summary>
    public async Task WarmAsync() => _npe = (await ListAppointmentTypesAsync()).Items.Single(t => t.Code == "NPE");

    public Task<NSwagDefault.PatientPage> SearchPatientsAsync(string query, int pageSize)
        => _client.SearchPatientsAsync(SpecExamples.PracticeId, query, 1, pageSize, SpecExamples.OrganizationId);

    public Task<NSwagDefault.AppointmentTypeList> ListAppointmentTypesAsync()
        => _client.ListAppointmentTypesAsync(SpecExamples.PracticeId, null, SpecExamples.OrganizationId);

    public Task<NSwagDefault.Appointment> CreateAppointmentAsync(NSwagDefault.AppointmentCreate body)
        => _client.CreateAppointmentAsync(SpecExamples.PracticeId, Guid.NewGuid().ToString(), body, SpecExamples.OrganizationId);

    public async Task<NSwagDefault.Appointment> BookAsync(BookingRequest booking)
    {
        var patient = (await SearchPatientsAsync(booking.PatientQuery!, 100)).Items.Single();
        return await CreateAppointmentAsync(new NSwagDefault.AppointmentCreate
        {
            Patient_uuid = patient.Uuid,
            Appointment_type_uuid = _npe.Uuid,
            Location_uuid = booking.LocationUuid,
            Provider_uuid = booking.ProviderUuid ?? patient.Preferred_provider_uuid!.Value,
            Scheduled_start = booking.Start.ToString(SpecExamples.LocalTimeFormat, CultureInfo.InvariantCulture),
            Scheduled_end = booking.Start.AddMinutes(_npe.Duration_minutes).ToString(SpecExamples.LocalTimeFormat, CultureInfo.InvariantCulture),
            Notes = booking.Notes,
        });
    }

    public void Dispose() => _http.Dispose();
}
