using System.Globalization;
using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Architecture;

/// <summary>
/// Finds the integers written in a package's source that equal a number the contract sets (a
/// <c>maxLength</c>, <c>maximum</c> or <c>default</c> above 1 of a parameter or schema in spec/openapi.yaml,
/// or a whole number above 1 in an <c>x-</c> member of an operation or a shared parameter):
/// each is a copy that would silently disagree with the spec the day the spec changes. Comments are
/// prose, and build output (bin/, obj/, where generated code lives) is not source.
/// </summary>
internal static partial class ContractNumberScan
{
    /// <summary>One integer of the source that equals a contract number.</summary>
    internal sealed record Found(string File, int LineNumber, string Line, Match Integer, long Value, string SetBy)
    {
        public override string ToString() => $"{File}:{LineNumber}: {Value} is {SetBy}";
    }

    /// <summary>Every such integer in <paramref name="project"/> (a folder under src/), with the file's lines for context.</summary>
    /// <param name="project">The project's folder name under src/.</param>
    /// <param name="blankStringLiterals">Whether text in string literals is data rather than code (the sandbox's seed data).</param>
    public static IEnumerable<(Found Found, IReadOnlyList<string> Lines)> Copies(string project, bool blankStringLiterals)
    {
        var limits = Limits();
        var source = Path.Combine(RepoPaths.RepoRoot, "src", project);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(file => !IsBuildOutput(source, file)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var code = blankStringLiterals ? StringLiteral().Replace(lines[i], "\"\"") : lines[i];
                foreach (Match integer in Integer().Matches(code))
                {
                    var value = long.Parse(integer.Value, CultureInfo.InvariantCulture);
                    if (limits.TryGetValue(value, out var setBy))
                    {
                        yield return (new Found(Path.GetRelativePath(source, file), i + 1, code, integer, value, setBy), lines);
                    }
                }
            }
        }
    }

    /// <summary>Every limit of the operations' parameters and the schemas' properties: value → where the spec sets it.</summary>
    public static Dictionary<long, string> Limits()
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

        // Bounds no schema keyword states, given as numbers in x- members of their operations and parameters.
        foreach (var operation in root.SelectTokens("$.paths.*.*").Concat(root.SelectTokens("$.components.parameters.*")).OfType<JObject>())
        {
            foreach (var extension in operation.Properties().Where(p => p.Name.StartsWith("x-", StringComparison.Ordinal)))
            {
                if (extension.Value is JValue { Type: JTokenType.Integer } value && (long)value! > 1)
                {
                    limits.TryAdd((long)value!, $"{extension.Name} at {operation.Path}");
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
