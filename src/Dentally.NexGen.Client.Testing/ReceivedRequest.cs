using Dentally.NexGen.Client.Testing.Contract;

namespace Dentally.NexGen.Client.Testing;

/// <summary>One request as the sandbox received it, in arrival order (see <see cref="NexGenSandbox.ReceivedRequests"/>).</summary>
public sealed class ReceivedRequest
{
    internal ReceivedRequest(
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> queryParameters,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string? body,
        string requestId,
        DateTimeOffset receivedAt,
        NexGenSandboxTenant? tenant)
    {
        Method = method;
        Path = path;
        Query = query;
        QueryParameters = queryParameters;
        Headers = headers;
        Body = body;
        RequestId = requestId;
        ReceivedAt = receivedAt;
        Tenant = tenant;
    }

    /// <summary>The HTTP method, upper case (<c>GET</c>, <c>POST</c>, <c>PATCH</c>…).</summary>
    public string Method { get; }

    /// <summary>The path, e.g. <c>/api/v1/org_7f3c2a9e/appointments</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string without the leading <c>?</c>; empty when there is none.</summary>
    public string Query { get; }

    /// <summary>The decoded query parameters (the first value of a repeated name).</summary>
    public IReadOnlyDictionary<string, string> QueryParameters { get; }

    /// <summary>The request headers; names are case-insensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body as text, or <see langword="null"/> when there was none.</summary>
    public string? Body { get; }

    /// <summary>The <c>X-Request-Id</c> the sandbox answered (or would have answered) with.</summary>
    public string RequestId { get; }

    /// <summary>When the request arrived, by the sandbox's <see cref="NexGenSandboxOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The organisation the path names: the <c>{org_id}</c> of an <c>/api/v1/{org_id}/…</c> path; <see langword="null"/> for other paths (<c>/v2/sites</c>).</summary>
    public string? OrganizationId => OrganisationPath.IdOf(Path);

    /// <summary>The practice the request names: its <c>X-Practice-Id</c> header, or <see langword="null"/> when it was not sent.</summary>
    public string? PracticeId => Header("X-Practice-Id");

    /// <summary>
    /// The tenant whose bearer token the request carried, or <see langword="null"/> when it carried none
    /// the sandbox knows (it was answered 401). Set even when the request was refused for naming another
    /// organisation or practice (403): compare with <see cref="OrganizationId"/> and <see cref="PracticeId"/>.
    /// </summary>
    public NexGenSandboxTenant? Tenant { get; }

    /// <summary>The first value of a header, or <see langword="null"/> when it was not sent.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public string? Header(string name)
        => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>
    /// The method, path and the query's parameter names, without their values (<c>GET /api/v1/org_7f3c2a9e/patients?query=…&amp;page=…</c>):
    /// a search's query is a patient's name, and a test's failure message or log must not carry it. <see cref="Query"/> has it all.
    /// </summary>
    /// <returns>The request, described.</returns>
    public override string ToString()
        => QueryParameters.Count == 0 ? $"{Method} {Path}" : $"{Method} {Path}?{string.Join("&", QueryParameters.Keys.Select(name => name + "=…"))}";
}
