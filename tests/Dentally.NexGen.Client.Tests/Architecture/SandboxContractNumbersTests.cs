using System.Globalization;
using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Architecture;

/// <summary>
/// The sandbox reads the contract's numbers from spec/openapi.yaml (embedded in its assembly); a copy
/// typed into its source would silently disagree with the spec the day the spec changes. So no integer
/// written in the sandbox's code may equal one of the limits it validates. HTTP statuses are written as
/// <c>StatusCodes</c> constants, and text in string literals (seed data such as "Suite 200") is not code.
/// </summary>
public sealed partial class SandboxContractNumbersTests
{
    // The sandbox's own bound on a patient's name, which the contract leaves open: not a copy of page_size's maximum.
    private const string NameBound = "private const int MaxNameLength = 100;";

    [Fact]
    public void No_contract_limit_is_typed_into_the_sandbox()
    {
        var limits = ContractLimits();
        var source = Path.Combine(RepoPaths.RepoRoot, "src", "Dentally.NexGen.Client.Testing");
        var copies = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(source, file))
            .SelectMany(file => File.ReadAllLines(file).Select((line, index) => (File: Path.GetRelativePath(source, file), Number: index + 1, Line: line)))
            .Where(line => !line.Line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !line.Line.Contains(NameBound, StringComparison.Ordinal))
            .SelectMany(line => Integer().Matches(StringLiteral().Replace(line.Line, "\"\"")).Select(m => (line.File, line.Number, Value: long.Parse(m.Value, CultureInfo.InvariantCulture))))
            .Where(found => limits.ContainsKey(found.Value))
            .Select(found => $"{found.File}:{found.Number}: {found.Value} is {limits[found.Value]}")
            .ToList();

        Assert.True(copies.Count == 0, "Read these from the spec (ContractLimits) instead:\n" + string.Join("\n", copies));
    }

    [Fact]
    public void The_check_sees_the_limits_the_issue_named()
    {
        var limits = ContractLimits();

        Assert.Contains(2000L, limits.Keys);
        Assert.Contains(500L, limits.Keys);
        Assert.Contains(100L, limits.Keys);
        Assert.Contains(255L, limits.Keys);
    }

    /// <summary>Every limit of the operations' parameters and the request bodies: value → where the spec sets it.</summary>
    private static Dictionary<long, string> ContractLimits()
    {
        var root = ContractSpec.Instance.Root;
        var limits = new Dictionary<long, string>();
        foreach (var schema in root.SelectTokens("$..schema").Concat(root.SelectTokens("$.components.schemas..properties.*")).OfType<JObject>())
        {
            foreach (var keyword in new[] { "maxLength", "maximum", "default" })
            {
                if (schema[keyword] is JValue { Type: JTokenType.Integer } value && (long)value! > 1)
                {
                    limits.TryAdd((long)value!, $"{keyword} at {schema.Path}");
                }
            }
        }

        return limits;
    }

    private static bool IsBuildOutput(string source, string file)
        => Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    [GeneratedRegex(@"(?<![\w.])\d+(?![\w.])")]
    private static partial Regex Integer();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
