using System.Text;
using Dentally.NexGen.Client.Testing.Contract;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>
/// A computed response: status, JSON body and extra headers. Immutable, so an idempotent POST's first
/// response can be stored and replayed as it was. Written as an ASP.NET Core result; <c>X-Request-Id</c> is the request's, set by the request id rule.
/// </summary>
internal sealed class SandboxResponse : IResult
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string ProblemType = "application/problem+json; charset=utf-8";

    private SandboxResponse(int statusCode, string? body, string? contentType, IReadOnlyDictionary<string, string> headers)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers;
    }

    public int StatusCode { get; }

    public string? Body { get; }

    public string? ContentType { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public bool IsSuccess => StatusCode is >= StatusCodes.Status200OK and < StatusCodes.Status300MultipleChoices;

    /// <summary>Serialises <paramref name="value"/> now, so the body is a snapshot of the state under the lock.</summary>
    public static SandboxResponse Json(int statusCode, object value)
        => new(statusCode, SandboxJson.Serialize(value), JsonType, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public static SandboxResponse Problem(Problem problem)
        => new(problem.Status, SandboxJson.Serialize(problem), ProblemType, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The same response with another body (an injected body fault), its headers kept.</summary>
    public SandboxResponse WithBody(string body) => new(StatusCode, body, ContentType, Headers);

    public SandboxResponse WithHeader(string name, string value)
        => new(StatusCode, Body, ContentType, new Dictionary<string, string>(Headers.ToDictionary(h => h.Key, h => h.Value), StringComparer.OrdinalIgnoreCase) { [name] = value });

    /// <summary>Writes status, headers and body, with its length.</summary>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var header in Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        response.ContentType = ContentType;
        var body = Encoding.UTF8.GetBytes(Body ?? string.Empty);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
