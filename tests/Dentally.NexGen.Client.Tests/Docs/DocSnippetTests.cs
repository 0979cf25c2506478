using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Docs;

/// <summary>
/// Every C# block in README.md and docs/ is a region of samples/Snippets (compiled with the solution),
/// so no documented code can stop compiling unnoticed.
/// </summary>
public sealed partial class DocSnippetTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_csharp_block_is_a_compiled_snippet(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, document)).ReplaceLineEndings("\n");
        var regions = Regions();
        var blocks = CSharpBlock().Matches(text);

        foreach (Match block in blocks)
        {
            var name = block.Groups["name"].Value;
            Assert.True(name.Length > 0, $"{document}: a ```csharp block without a <!-- snippet: name --> marker: {block.Groups["code"].Value[..Math.Min(80, block.Groups["code"].Value.Length)]}");
            Assert.True(regions.TryGetValue(name, out var region), $"{document}: no region 'snippet:{name}' in samples/Snippets");
            Assert.Equal(region, block.Groups["code"].Value.TrimEnd('\n'));
        }
    }

    [Fact]
    public void The_docs_cover_every_topic()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "docs"), "*.md").Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "getting-started.md", "configuration.md", "authentication.md", "errors.md", "retries-and-idempotency.md", "paging.md", "booking-workflow.md", "testing-with-the-sandbox.md", "observability.md", "versioning.md" }, files);
    }

    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        // samples/QuickStart's Program.cs is one whole-file snippet (usings included): it compiles as shown.
        // The WebApplicationFactory snippet and the fake workflow are tests' code: they run as shown.
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "samples", "Snippets"), "*.cs")
            .Append(Path.Combine(RepoPaths.RepoRoot, "samples", "QuickStart", "Program.cs"))
            .Append(Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "Sandbox", "WebApplicationFactoryTests.cs"))
            .Append(Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "Substitution", "FakeWorkflowTests.cs")))
        {
            foreach (Match region in Region().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                regions[region.Groups["name"].Value] = Dedent(region.Groups["code"].Value).TrimEnd('\n');
            }
        }

        return regions;
    }

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"(?:<!-- snippet: (?<name>[\w-]+) -->\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^[ \t]*#region snippet:(?<name>[\w-]+)\n(?<code>.*?)^[ \t]*#endregion", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Region();
}
