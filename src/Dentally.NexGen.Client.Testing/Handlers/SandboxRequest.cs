using Dentally.NexGen.Client.Testing.Contract;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>A request as the handlers see it: decoded query, case-insensitive headers, body text, route values and its request id.</summary>
internal sealed class SandboxRequest
{
    public SandboxRequest(ReceivedRequest received, IReadOnlyDictionary<string, string> routeValues, ContractOperation? operation)
    {
        Received = received;
        RouteValues = routeValues;
        Operation = operation;
    }

    public ReceivedRequest Received { get; }

    /// <summary>The operation of the contract the request was routed to; <see langword="null"/> when none matches.</summary>
    public ContractOperation? Operation { get; }

    public string Method => Received.Method;

    public string Path => Received.Path;

    public string RequestId => Received.RequestId;

    public string? Body => Received.Body;

    public IReadOnlyDictionary<string, string> Query => Received.QueryParameters;

    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>Whether the operation lists 422 <c>validation-error</c> (see <see cref="Contract.ContractOperation.DocumentsValidationError"/>).</summary>
    public bool DocumentsValidationError => Operation?.DocumentsValidationError ?? false;

    public string? Header(string name) => Received.Header(name);

    public string RouteValue(string name) => RouteValues.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>A UUID path segment, or <see langword="null"/> when it is not one (the resource then does not exist).</summary>
    public Guid? RouteUuid(string name) => Guid.TryParse(RouteValue(name), out var id) ? id : null;

    /// <summary>The <c>/api/v1/{org_id}</c> prefix of this request, for <c>Location</c> headers.</summary>
    public string OrganizationPath => "/api/v1/" + RouteValue("org_id");
}
