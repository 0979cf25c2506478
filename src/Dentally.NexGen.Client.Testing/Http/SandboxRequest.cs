using Dentally.NexGen.Client.Testing.Routing;
using WireMock;

namespace Dentally.NexGen.Client.Testing.Http;

/// <summary>A request as the handlers see it: decoded query, case-insensitive headers, body text, route values and its request id.</summary>
internal sealed class SandboxRequest
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    private SandboxRequest(ReceivedRequest received, IReadOnlyDictionary<string, string> routeValues, bool documentsValidationError)
    {
        Received = received;
        RouteValues = routeValues;
        DocumentsValidationError = documentsValidationError;
    }

    public ReceivedRequest Received { get; }

    public string Method => Received.Method;

    public string Path => Received.Path;

    public string RequestId => Received.RequestId;

    public string? Body => Received.Body;

    public IReadOnlyDictionary<string, string> Query => Received.QueryParameters;

    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>Whether the operation lists 422 <c>validation-error</c> (see <see cref="Route.DocumentsValidationError"/>).</summary>
    public bool DocumentsValidationError { get; }

    /// <summary>The request, with the tenant its bearer token names (<paramref name="findTenant"/>) when it names one.</summary>
    public static SandboxRequest From(IRequestMessage message, Route? route, string requestId, DateTimeOffset receivedAt, Func<string, NexGenSandboxTenant?> findTenant)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            headers[header.Key] = header.Value.ToArray();
        }

        var rawQuery = (message.RawQuery ?? string.Empty).TrimStart('?');
        var path = message.Path;
        var token = BearerToken.From(headers.TryGetValue("Authorization", out var authorization) && authorization.Count > 0 ? authorization[0] : null);
        var received = new ReceivedRequest(
            message.Method.ToUpperInvariant(),
            path,
            rawQuery,
            QueryString.Parse(rawQuery),
            headers,
            string.IsNullOrEmpty(message.Body) ? null : message.Body,
            requestId,
            receivedAt,
            token is null ? null : findTenant(token));
        return new SandboxRequest(received, route?.Values(path) ?? NoValues, route?.DocumentsValidationError ?? false);
    }

    public string? Header(string name) => Received.Header(name);

    public string RouteValue(string name) => RouteValues.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>A UUID path segment, or <see langword="null"/> when it is not one (the resource then does not exist).</summary>
    public Guid? RouteUuid(string name) => Guid.TryParse(RouteValue(name), out var id) ? id : null;

    /// <summary>The <c>/api/v1/{org_id}</c> prefix of this request, for <c>Location</c> headers.</summary>
    public string OrganizationPath => "/api/v1/" + RouteValue("org_id");
}
