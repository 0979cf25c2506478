using Dentally.NexGen.ContractCheck.Contract;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>One request the check sends: an operation of the contract with the values it needs.</summary>
internal sealed record ProbeRequest(ContractOperation Operation)
{
    /// <summary>Values for the path template's parameters other than <c>org_id</c> (which is always the checked organisation).</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Query parameters, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Whether the bearer token is sent (the 401 check sends none).</summary>
    public bool WithToken { get; init; } = true;

    /// <summary>The <c>X-Practice-Id</c> to send instead of the checked practice (the 403 check).</summary>
    public string? PracticeOverride { get; init; }

    /// <summary>A JSON body (writes only).</summary>
    public string? JsonBody { get; init; }

    /// <summary>An <c>Idempotency-Key</c> (creates only).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A short name for progress lines, e.g. <c>GET listSites (no token)</c>.</summary>
    public string? Note { get; init; }
}
