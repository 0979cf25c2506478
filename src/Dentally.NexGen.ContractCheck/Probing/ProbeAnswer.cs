using Dentally.NexGen.ContractCheck.Contract;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>One answer the server gave to one of the check's requests, read in full.</summary>
/// <param name="Operation">The operation the request was for.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="MediaType">The Content-Type's media type without parameters, or <see langword="null"/> without a body.</param>
/// <param name="Body">The body parsed as JSON, or <see langword="null"/> when there was none or it was not JSON.</param>
/// <param name="BodyIsJson">Whether a non-empty body parsed as JSON.</param>
/// <param name="RequestId">The <c>X-Request-Id</c> header, if sent.</param>
/// <param name="WwwAuthenticate">The <c>WWW-Authenticate</c> header, if sent.</param>
/// <param name="Deprecation">The name of the header announcing the operation is going (<c>Deprecation</c>, RFC 9745, or <c>Sunset</c>, RFC 8594), if one was sent.</param>
internal sealed record ProbeAnswer(
    ContractOperation Operation,
    int Status,
    string? MediaType,
    JToken? Body,
    bool BodyIsJson,
    string? RequestId,
    string? WwwAuthenticate,
    string? Deprecation)
{
    /// <summary>
    /// Where a redirect points, as a report may say it: <c>host api2.example.com</c> when the API moved to another host,
    /// <c>another path on this host</c> (a path may hold a record's id, so it is not quoted), or <see langword="null"/>.
    /// </summary>
    public string? MovedTo { get; init; }

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>A string member of the body, e.g. <c>uuid</c>, or <see langword="null"/>.</summary>
    public string? Member(string name) => JsonText.Of(Body as JObject, name);

    /// <summary>The objects of the body's <c>items</c> array (an empty list when there is none).</summary>
    public IReadOnlyList<JObject> Items => (Body as JObject)?["items"] is JArray items ? items.OfType<JObject>().ToList() : [];

    /// <summary>The problem type of a problem body, or <see langword="null"/>.</summary>
    public string? ProblemType => Member("type");
}
