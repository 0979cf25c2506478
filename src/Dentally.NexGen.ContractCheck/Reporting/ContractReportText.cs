namespace Dentally.NexGen.ContractCheck.Reporting;

/// <summary>The report for people: differences grouped by operation, breaking first, then one summary line.</summary>
internal static class ContractReportText
{
    public static void Write(ContractReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var operation in report.Differences.GroupBy(d => d.Operation))
        {
            writer.WriteLine(operation.Key);
            foreach (var difference in operation.OrderByDescending(d => d.Class))
            {
                writer.WriteLine($"  {ClassNames.Of(difference.Class),-9} {difference.Kind} at {difference.Path}: contract says {difference.Expected}; {report.ActualSource} {difference.Actual}{(difference.RequestId is null ? string.Empty : $" (request {difference.RequestId})")}{(difference.SdkMembers.Count == 0 ? string.Empty : $"; touches {string.Join(", ", difference.SdkMembers)}")}");
            }
        }

        var counts = string.Join(", ", new[] { DifferenceClass.Breaking, DifferenceClass.Additive, DifferenceClass.Info }
            .Select(c => $"{report.Differences.Count(d => d.Class == c)} {ClassNames.Of(c)}"));
        writer.WriteLine(report.Differences.Count == 0
            ? $"No difference from contract {report.ContractVersion}."
            : $"Contract {report.ContractVersion}: {counts}.");
    }
}
