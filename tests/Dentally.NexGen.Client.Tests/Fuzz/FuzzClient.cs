using System.Net.Http.Headers;
using System.Text;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>Sends a <see cref="FuzzRequest"/> byte for byte: no path canonicalisation, header values as Latin-1, nothing added.</summary>
internal sealed class FuzzClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1,
        AllowAutoRedirect = false,
        UseCookies = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    private readonly string _base;

    public FuzzClient(Uri baseAddress) => _base = baseAddress.ToString().TrimEnd('/');

    public async Task<FuzzResponse> SendAsync(FuzzRequest request)
    {
        var uri = new Uri(_base + request.PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), uri);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new FuzzResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, headers, body);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What came back.</summary>
internal sealed record FuzzResponse(int Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public override string ToString() => $"{Status} {MediaType} {(Body.Length > 600 ? Body[..600] + "…" : Body)}";
}
