using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dentally.NexGen.Client;

/// <summary>The names under which the SDK reports activities, metrics and logs.</summary>
public static class NexGenDiagnostics
{
    /// <summary>The <see cref="ActivitySource"/>, <see cref="Meter"/> and logger category prefix: <c>Dentally.NexGen.Client</c>.</summary>
    public const string SourceName = "Dentally.NexGen.Client";

    /// <summary>The tag (activities and metrics) and log property naming the organisation of a call.</summary>
    public const string OrganizationIdTag = "nexgen.organization_id";

    /// <summary>The tag (activities and metrics) and log property naming the practice of a call.</summary>
    public const string PracticeIdTag = "nexgen.practice_id";

    /// <summary>
    /// The counter of contract drift met in responses (see <see cref="NexGenClientOptions.ReportContractDrift"/>):
    /// incremented once per operation and JSON path, tagged with <see cref="OperationTag"/>,
    /// <see cref="DriftClassTag"/> and <see cref="DriftKindTag"/>. Any increase means the API has changed.
    /// </summary>
    public const string ContractDriftCounter = "nexgen.contract.drift";

    /// <summary>The tag naming the contract's operationId of a call (for example <c>getAppointment</c>).</summary>
    public const string OperationTag = "nexgen.operation";

    /// <summary>
    /// The tag naming the class of a difference: <c>additive</c> (something new; the SDK reads on), <c>info</c> (a value
    /// read converted, an operation announced deprecated; the SDK reads on) or <c>breaking</c> (the call failed).
    /// </summary>
    public const string DriftClassTag = "nexgen.drift.class";

    /// <summary>
    /// The tag naming the kind of a difference: <c>undocumented-member</c>, <c>new-enum-value</c>, <c>missing-required-member</c>,
    /// <c>type-changed</c>, <c>undocumented-status</c>, <c>media-type-changed</c>, <c>security-changed</c>, <c>problem-type-changed</c> or <c>deprecated</c>.
    /// </summary>
    public const string DriftKindTag = "nexgen.drift.kind";

    internal static readonly ActivitySource ActivitySource = new(SourceName, UserAgentHandler.PackageVersion);

    internal static readonly Meter Meter = new(SourceName, UserAgentHandler.PackageVersion);
}
