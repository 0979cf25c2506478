using Dentally.NexGen.ContractCheck.Reporting;

namespace Dentally.NexGen.ContractCheck;

/// <summary>The outcome of <see cref="NexGenContractCheck.RunAsync"/>: every difference found, once each, in the order the check met them.</summary>
public sealed class ContractReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="contractVersion">The version of the contract checked against (its <c>info.version</c>).</param>
    /// <param name="differences">The differences found.</param>
    public ContractReport(string contractVersion, IReadOnlyList<ContractDifference> differences)
    {
        ContractVersion = contractVersion ?? throw new ArgumentNullException(nameof(contractVersion));
        Differences = differences ?? throw new ArgumentNullException(nameof(differences));
    }

    /// <summary>The version of the contract checked against, e.g. <c>2026-01-01</c>.</summary>
    public string ContractVersion { get; }

    /// <summary>Every difference found, once each.</summary>
    public IReadOnlyList<ContractDifference> Differences { get; }

    /// <summary>Who the <see cref="ContractDifference.Actual"/> values come from, for the text form: the server, or a newer contract.</summary>
    internal string ActualSource { get; init; } = "server sent";

    /// <summary>Whether at least one difference is <see cref="DifferenceClass.Breaking"/>: the server no longer matches what this SDK relies on.</summary>
    public bool HasBreakingDifferences => Differences.Any(d => d.Class == DifferenceClass.Breaking);

    /// <summary>Writes the report as JSON: <c>{"contract_version": "…", "differences": [{"operation": …, "path": …, "class": …, "kind": …, "expected": …, "actual": …}]}</c>.</summary>
    /// <param name="writer">Where the JSON goes.</param>
    public void WriteJson(TextWriter writer) => ContractReportJson.Write(this, writer);

    /// <summary>Writes the report for people: differences grouped by operation, breaking first, and a closing summary line.</summary>
    /// <param name="writer">Where the text goes.</param>
    public void WriteText(TextWriter writer) => ContractReportText.Write(this, writer);
}
