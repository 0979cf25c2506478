using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Docs;

/// <summary>
/// Every C# block in README.md and docs/ is a whole file a newcomer can paste into a new app, and it
/// equals its source: a file in samples/Snippets, or a whole-file region of samples/QuickStart or of a
/// test that runs.
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
    public void Every_csharp_block_equals_its_source(string document)
    {
        var sources = Sources();

        foreach (var (name, code) in Blocks(document))
        {
            Assert.True(name.Length > 0, $"{document}: a ```csharp block without a <!-- snippet: name --> marker: {FirstLine(code)}");
            Assert.True(sources.TryGetValue(name, out var source), $"{document}: no samples/Snippets/{name}.cs (nor a region 'snippet:{name}')");
            Assert.Equal(source, code);
        }
    }

    [Fact]
    public void The_docs_cover_every_topic()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "docs"), "*.md").Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "getting-started.md", "configuration.md", "authentication.md", "errors.md", "retries-and-idempotency.md", "paging.md", "booking-workflow.md", "testing-with-the-sandbox.md", "observability.md", "versioning.md" }, files);
    }

    private static IEnumerable<(string Name, string Code)> Blocks(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, document)).ReplaceLineEndings("\n");
        return CSharpBlock().Matches(text).Select(block => (block.Groups["name"].Value, block.Groups["code"].Value.TrimEnd('\n')));
    }

    private static string FirstLine(string code) => code.Split('\n', 2)[0];

    private static Dictionary<string, string> Sources()
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "samples", "Snippets"), "*.cs"))
        {
            sources[Path.GetFileNameWithoutExtension(file)] = File.ReadAllText(file).ReplaceLineEndings("\n").TrimEnd('\n');
        }

        // Whole files that also build or run: samples/QuickStart's Program.cs and the WebApplicationFactory test.
        foreach (var file in new[]
        {
            Path.Combine(RepoPaths.RepoRoot, "samples", "QuickStart", "Program.cs"),
            Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "Sandbox", "WebApplicationFactoryTests.cs"),
        })
        {
            foreach (Match region in Region().Matches(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                sources[region.Groups["name"].Value] = region.Groups["code"].Value.TrimEnd('\n');
            }
        }

        return sources;
    }

    [GeneratedRegex(@"(?:<!-- snippet: (?<name>[\w-]+) -->\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^#region snippet:(?<name>[\w-]+)\n(?<code>.*?)^#endregion", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Region();
}
