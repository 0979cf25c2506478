using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Tests.Support;

/// <summary>Raw HTTP against a sandbox, for what the SDK hides: status lines, headers and exact JSON.</summary>
internal static class Raw
{
    public static string Org(NexGenSandbox sandbox) => "/api/v1/" + sandbox.OrganizationId;

    public static Task<HttpResponseMessage> GetAsync(HttpClient http, string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json, string? idempotencyKey = null)
        => SendAsync(http, HttpMethod.Post, path, json, idempotencyKey);

    public static Task<HttpResponseMessage> PatchAsync(HttpClient http, string path, string json)
        => SendAsync(http, HttpMethod.Patch, path, json);

    public static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? json, string? idempotencyKey = null, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        headers?.Invoke(request.Headers);
        return http.SendAsync(request);
    }

    /// <summary>The body as JSON, with date-like strings left as written.</summary>
    public static async Task<JObject> JsonAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    /// <summary>Parses JSON leaving date-like strings as strings (Newtonsoft's default would turn them into dates).</summary>
    public static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    /// <summary>Asserts two JSON documents are equal, showing the actual one when not.</summary>
    public static void JsonEqual(string expected, JToken? actual)
        => Assert.True(JToken.DeepEquals(Parse(expected), actual), actual?.ToString());

    public static string RequestId(HttpResponseMessage response) => response.Headers.GetValues("X-Request-Id").Single();

    /// <summary>Asserts a problem response of the contract's shape and returns its body.</summary>
    public static async Task<JObject> ProblemAsync(HttpResponseMessage response, int status, string type)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(ProblemTypes.Prefix + type, (string?)problem["type"]);
        Assert.Equal(status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, (string?)problem["instance"]);
        Assert.Equal(RequestId(response), (string?)problem["request_id"]);
        return problem;
    }

    /// <summary>The messages of one field of a validation problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> Errors(JObject problem, string field)
        => problem["errors"]?[field]?.Values<string>().Select(m => m!).ToList() ?? [];
}
