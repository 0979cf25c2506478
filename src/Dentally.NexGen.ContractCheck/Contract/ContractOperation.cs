using NSwag;

namespace Dentally.NexGen.ContractCheck.Contract;

/// <summary>One operation of the contract: its id, HTTP method, path template and description.</summary>
internal sealed record ContractOperation(string Id, string Method, string PathTemplate, OpenApiOperation Operation)
{
    /// <summary>Whether the operation only reads (GET): the only kind a read-only check sends.</summary>
    public bool IsRead => string.Equals(Method, "GET", StringComparison.OrdinalIgnoreCase);
}
