using System.Globalization;
using System.Net.Http.Headers;

namespace Dentally.NexGen.Client.Benchmarks.Peers;

/// <summary>
/// A peer: the client NSwag generates from the same spec with its default settings (nswag.json in this
/// project), over one shared HttpClient carrying the bearer token. No retries, timeouts or typed errors.
/// The booking is the three requests of the booking flow (search, type lookup, POST): NSwag's client
/// has no type cache.
/// </summary>
internal sealed class NSwagDefaultPeer : IDisposable
{
    private readonly HttpClient _http;
    private readonly NSwagDefault.Client _client;

    /// <param name="baseAddress">The server.</param>
    /// <param name="transport">The innermost handler; by default a socket handler as the SDK's own.</param>
    public NSwagDefaultPeer(Uri baseAddress, HttpMessageHandler? transport = null)
    {
        _http = new HttpClient(transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SpecExamples.Token);
        _client = new NSwagDefault.Client(_http) { BaseUrl = baseAddress.AbsoluteUri };
    }

    public Task<NSwagDefault.PatientPage> SearchPatientsAsync(string query, int pageSize)
        => _client.SearchPatientsAsync(SpecExamples.PracticeId, query, 1, pageSize, SpecExamples.OrganizationId);

    public Task<NSwagDefault.AppointmentTypeList> ListAppointmentTypesAsync()
        => _client.ListAppointmentTypesAsync(SpecExamples.PracticeId, null, SpecExamples.OrganizationId);

    public Task<NSwagDefault.Appointment> CreateAppointmentAsync(NSwagDefault.AppointmentCreate body)
        => _client.CreateAppointmentAsync(SpecExamples.PracticeId, Guid.NewGuid().ToString(), body, SpecExamples.OrganizationId);

    public async Task<NSwagDefault.Appointment> BookAsync(BookingRequest booking)
    {
        var patient = (await SearchPatientsAsync(booking.PatientQuery!, 100)).Items.Single();
        var type = (await ListAppointmentTypesAsync()).Items.First(t => string.Equals(t.Code, booking.AppointmentTypeCode, StringComparison.OrdinalIgnoreCase));
        return await CreateAppointmentAsync(new NSwagDefault.AppointmentCreate
        {
            Patient_uuid = patient.Uuid,
            Appointment_type_uuid = type.Uuid,
            Location_uuid = booking.LocationUuid,
            Provider_uuid = booking.ProviderUuid ?? patient.Preferred_provider_uuid!.Value,
            Scheduled_start = booking.Start.ToString(SpecExamples.LocalTimeFormat, CultureInfo.InvariantCulture),
            Scheduled_end = booking.Start.AddMinutes(type.Duration_minutes).ToString(SpecExamples.LocalTimeFormat, CultureInfo.InvariantCulture),
            Notes = booking.Notes,
        });
    }

    public void Dispose() => _http.Dispose();
}
