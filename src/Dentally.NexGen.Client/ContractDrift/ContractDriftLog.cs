using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// The contract drift log event: the operation, the JSON path, the kind and class of the difference; never a value.
/// It ends with the tenant of the response that showed it first, as every log line of the SDK ends with its tenant; named
/// as first seen, since the difference is the API's and is reported once whichever practice meets it next.
/// </summary>
internal static partial class ContractDriftLog
{
    public const string Category = NexGenDiagnostics.SourceName + ".ContractDrift";

    [LoggerMessage(EventId = 20, EventName = "NexGenContractDrift", Level = LogLevel.Warning,
        Message = "The API's response to {Operation} differs from the SDK's contract: {DriftKind} at {JsonPath} ({DriftClass}). Reported once per operation, path and kind (see docs/contract-drift.md); first seen for (organisation {FirstSeenOrganizationId}, practice {FirstSeenPracticeId})")]
    public static partial void Drift(ILogger logger, string operation, string jsonPath, string driftKind, string driftClass, string? firstSeenOrganizationId, string? firstSeenPracticeId);
}
