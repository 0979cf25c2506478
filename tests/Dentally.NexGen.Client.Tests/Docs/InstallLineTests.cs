using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Docs;

/// <summary>
/// Until the packages are on a public feed, `dotnet add package Dentally.NexGen…` finds no version
/// unless the folder `dotnet pack` wrote is a package source. Every block that installs one says so
/// where it is written: a shell block adds the nexgen-local source before, a code block's comment
/// sends the reader to the README's Install section.
/// </summary>
public sealed partial class InstallLineTests
{
    public static TheoryData<string> Documents() => DocSnippetTests.Documents();

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_block_that_installs_an_sdk_package_names_the_local_source_first(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, document)).ReplaceLineEndings("\n");

        foreach (Match block in FencedBlock().Matches(text))
        {
            var lines = block.Groups["code"].Value.Split('\n');
            var install = Array.FindIndex(lines, l => l.Contains("dotnet add package Dentally.NexGen", StringComparison.Ordinal));
            if (install < 0)
            {
                continue;
            }

            var source = Array.FindIndex(lines, l => l.Contains("nexgen-local", StringComparison.Ordinal));
            Assert.True(source >= 0 && source < install, $"{document}: \"{lines[install].Trim()}\" finds no version until the nexgen-local source is added; say so before it in the same block.");
            if (block.Groups["lang"].Value == "bash")
            {
                Assert.Contains(lines, l => l.StartsWith("dotnet nuget add source ", StringComparison.Ordinal) && l.Contains("--name nexgen-local", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.StartsWith("dotnet pack Dentally.NexGen.Client.sln", StringComparison.Ordinal));
            }
        }
    }

    [GeneratedRegex(@"```(?<lang>\w+)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
