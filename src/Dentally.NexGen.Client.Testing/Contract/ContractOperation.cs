using System.Globalization;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>One operation of the contract, as the spec declares it; also the metadata of its endpoint.</summary>
internal sealed class ContractOperation
{
    private ContractOperation(string id, string method, string template, bool acceptsIdempotencyKey, bool documentsValidationError)
    {
        Id = id;
        Method = method;
        Template = template;
        AcceptsIdempotencyKey = acceptsIdempotencyKey;
        DocumentsValidationError = documentsValidationError;
    }

    /// <summary>The spec's <c>operationId</c>, e.g. <c>createAppointment</c>.</summary>
    public string Id { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template, e.g. <c>/api/v1/{org_id}/appointments/{appointment_uuid}</c>.</summary>
    public string Template { get; }

    /// <summary>Whether the operation takes an <c>Idempotency-Key</c> header, which makes it replay its first answer.</summary>
    public bool AcceptsIdempotencyKey { get; }

    /// <summary>
    /// Whether the operation documents 422 <c>validation-error</c>. Where it does not, a field error (a
    /// query value out of range) is answered as 400 <c>malformed-request</c>, which every operation documents.
    /// </summary>
    public bool DocumentsValidationError { get; }

    public static ContractOperation From(string template, string method, JToken operation, IEnumerable<JToken> parameters)
        => new(
            operation["operationId"]!.ToString(),
            method.ToUpperInvariant(),
            template,
            parameters.Any(p => p["in"]?.ToString() == "header" && string.Equals(p["name"]?.ToString(), ContractLimits.IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase)),
            operation["responses"]?[StatusCodes.Status422UnprocessableEntity.ToString(CultureInfo.InvariantCulture)] is not null);

    /// <summary>
    /// Whether the path has the template's literal segments in the same case: ASP.NET Core's routing
    /// ignores their case, the contract's paths do not (<c>/V2/Sites</c> is no operation).
    /// </summary>
    public bool HasLiteralsOf(string path)
    {
        var template = Template.Trim('/').Split('/');
        var segments = path.Trim('/').Split('/');
        return segments.Length == template.Length
            && template.Zip(segments).All(pair => pair.First.StartsWith('{') || string.Equals(pair.First, pair.Second, StringComparison.Ordinal));
    }

    public override string ToString() => $"{Method} {Template}";
}
