using System.Globalization;
using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Benchmarks.Peers;

/// <summary>
/// A peer: raw HttpClient and Newtonsoft.Json reading into its own plain DTOs (<see cref="PlainPatient"/>, …)
/// with one shared default serializer. The same requests as the SDK; nothing else. Its booking is the
/// booking flow's three requests (search, type lookup, POST): it has no type cache.
/// </summary>
internal sealed class PlainDtoApi : IDisposable
{
    private const string OrgPath = "api/v1/" + SpecExamples.OrganizationId;
    private static readonly JsonSerializer Serializer = JsonSerializer.Create();

    private readonly HttpClient _http;

    public PlainDtoApi(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SpecExamples.Token);
        _http.DefaultRequestHeaders.TryAddWithoutValidation("X-Practice-Id", SpecExamples.PracticeId);
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
    }

    public Task<PlainPatientPage> SearchPatientsAsync(string query, int pageSize)
        => SendAsync<PlainPatientPage>(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{OrgPath}/patients?query={Uri.EscapeDataString(query)}&page=1&page_size={pageSize}"), null);

    public Task<PlainAppointmentTypeList> ListAppointmentTypesAsync()
        => SendAsync<PlainAppointmentTypeList>(HttpMethod.Get, OrgPath + "/appointment-types", null);

    public Task<PlainAppointment> CreateAppointmentAsync(PlainAppointmentCreate body)
        => SendAsync<PlainAppointment>(HttpMethod.Post, OrgPath + "/appointments", body);

    public async Task<PlainAppointment> BookAsync(BookingRequest booking)
    {
        var patient = (await SearchPatientsAsync(booking.PatientQuery!, 100)).Items.Single();
        var type = (await ListAppointmentTypesAsync()).Items.First(t => string.Equals(t.Code, booking.AppointmentTypeCode, StringComparison.OrdinalIgnoreCase));
        return await CreateAppointmentAsync(new PlainAppointmentCreate
        {
            PatientUuid = patient.Uuid,
            AppointmentTypeUuid = type.Uuid,
            LocationUuid = booking.LocationUuid,
            ProviderUuid = booking.ProviderUuid ?? patient.PreferredProviderUuid!.Value,
            ScheduledStart = booking.Start.ToString(SpecExamples.LocalTimeFormat, CultureInfo.InvariantCulture),
            ScheduledEnd = booking.Start.AddMinutes(type.DurationMinutes).ToString(SpecExamples.LocalTimeFormat, CultureInfo.InvariantCulture),
            Notes = booking.Notes,
        });
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
            request.Content = new StringContent(JsonConvert.SerializeObject(body), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        using var text = new StreamReader(stream);
        using var json = new JsonTextReader(text);
        return Serializer.Deserialize<T>(json) ?? throw new InvalidDataException($"The server sent an empty {typeof(T).Name}.");
    }
}
