using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Testing.Http;
using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing.Routing;

/// <summary>One operation of the contract: method, path template and the handler that computes its response.</summary>
internal sealed class Route
{
    private readonly Regex _pattern;

    public Route(string method, string template, Func<SandboxState, SandboxRequest, SandboxResponse> handle, bool acceptsIdempotencyKey = false, bool documentsValidationError = false)
    {
        Method = method;
        Template = template;
        Handle = handle;
        AcceptsIdempotencyKey = acceptsIdempotencyKey;
        DocumentsValidationError = documentsValidationError;
        _pattern = PathTemplate.Compile(template);
    }

    public string Method { get; }

    public string Template { get; }

    /// <summary>Computes the response from the data of the request's organisation; always called under that organisation's lock.</summary>
    public Func<SandboxState, SandboxRequest, SandboxResponse> Handle { get; }

    /// <summary>Whether an <c>Idempotency-Key</c> header makes the operation replay its first response.</summary>
    public bool AcceptsIdempotencyKey { get; }

    /// <summary>
    /// Whether the contract lists 422 <c>validation-error</c> for the operation. Where it does not, a
    /// field error (a query value out of range) is answered as 400 <c>malformed-request</c>, which every
    /// operation lists.
    /// </summary>
    public bool DocumentsValidationError { get; }

    public string Pattern => _pattern.ToString();

    public IReadOnlyDictionary<string, string> Values(string path)
    {
        var match = _pattern.Match(path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in _pattern.GetGroupNames())
        {
            if (match.Groups[name] is { Success: true } group && !int.TryParse(name, out _))
            {
                values[name] = group.Value;
            }
        }

        return values;
    }

    public override string ToString() => $"{Method} {Template}";
}
