using System.Text.RegularExpressions;

namespace Dentally.NexGen.ContractCheck.Reporting;

/// <summary>
/// The differences found so far, each once: the same kind at the same place of the same operation,
/// against the same expectation, is one difference however many answers or array items show it (the first path seen is kept).
/// </summary>
internal sealed class DifferenceLog
{
    private static readonly Regex ArrayIndex = new(@"\[\d+\]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly List<ContractDifference> _differences = [];
    private readonly HashSet<(string Operation, string Path, string Kind, string Expected)> _seen = [];

    /// <summary>Every difference found, in the order met.</summary>
    public IReadOnlyList<ContractDifference> All => _differences;

    /// <summary>Adds the difference unless the same one was already found.</summary>
    public void Add(ContractDifference difference)
    {
        if (_seen.Add((difference.Operation, ArrayIndex.Replace(difference.Path, "[*]"), difference.Kind, difference.Expected)))
        {
            _differences.Add(difference);
        }
    }
}
