using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// The contract drift log event: the operation, the JSON path, the kind and class of the difference; never a value.
/// It ends with the tenant of the response that showed it first, as every log line of the SDK ends with its tenant.
/// </summary>
internal static partial class ContractDriftLog
{
    public const string Category = NexGenDiagnostics.SourceName + ".ContractDrift";

    [LoggerMessage(EventId = 20, EventName = "NexGenContractDrift", Level = LogLevel.Warning,
        Message = "The API's response to {Operation} differs from the SDK's contract: {DriftKind} at {JsonPath} ({DriftClass}). Reported once per operation and path; see docs/contract-drift.md (organisation {OrganizationId}, practice {PracticeId})")]
    public static partial void Drift(ILogger logger, string operation, string jsonPath, string driftKind, string driftClass, string? organizationId, string? practiceId);
}
