using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Dentally.NexGen.Client.Serialization;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Benchmarks.Baseline;

/// <summary>
/// The floor an SDK can only add to: the SDK's requests written by hand with one shared HttpClient
/// and Newtonsoft.Json, with no retries, timeouts, token handler, telemetry or typed errors. Same
/// paths, query strings, headers (bearer token, X-Practice-Id, Accept, User-Agent, Idempotency-Key
/// on POST) and JSON bodies as the SDK; responses are read into the SDK's generated DTOs with the
/// SDK's serializer settings, so the JSON work is the same on both sides.
/// </summary>
internal sealed class RawNexGenApi : IDisposable
{
    private const string OrgPath = "api/v1/" + SpecExamples.OrganizationId;

    /// <summary>One serializer for every call (it is safe to share once configured); the SDK creates one per response.</summary>
    private static readonly JsonSerializerSettings Settings = NexGenJsonSettings.Apply(new JsonSerializerSettings());
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;

    /// <param name="baseAddress">The server.</param>
    /// <param name="transport">The innermost handler; by default the one the SDK's own constructor uses, so connection handling is the same.</param>
    public RawNexGenApi(Uri baseAddress, HttpMessageHandler? transport = null)
    {
        _http = new HttpClient(transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        // Headers every call carries are set once: the cheapest way a hand-written client sends them.
        var headers = _http.DefaultRequestHeaders;
        headers.Authorization = new AuthenticationHeaderValue("Bearer", SpecExamples.Token);
        headers.TryAddWithoutValidation("X-Practice-Id", SpecExamples.PracticeId);
        headers.TryAddWithoutValidation("Accept", "application/json");
        headers.TryAddWithoutValidation("User-Agent", $"Dentally.NexGen.Client/0.1.0-preview.1 ({RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription})");
    }

    public Task<PatientPage> SearchPatientsAsync(string query, int page, int pageSize, CancellationToken cancellationToken)
        => SendAsync<PatientPage>(HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"{OrgPath}/patients?query={Uri.EscapeDataString(query)}&page={page}&page_size={pageSize}"),
            body: null, idempotencyKey: null, cancellationToken);

    public Task<AppointmentTypeList> ListAppointmentTypesAsync(CancellationToken cancellationToken)
        => SendAsync<AppointmentTypeList>(HttpMethod.Get, OrgPath + "/appointment-types", body: null, idempotencyKey: null, cancellationToken);

    public Task<Appointment> CreateAppointmentAsync(AppointmentCreate appointment, string idempotencyKey, CancellationToken cancellationToken)
        => SendAsync<Appointment>(HttpMethod.Post, OrgPath + "/appointments", appointment, idempotencyKey, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonConvert.SerializeObject(body, Settings)) { Headers = { ContentType = JsonContentType } };
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var text = new StreamReader(stream);
        using var json = new JsonTextReader(text);
        return Serializer.Deserialize<T>(json) ?? throw new InvalidDataException($"The server sent an empty {typeof(T).Name}.");
    }
}
