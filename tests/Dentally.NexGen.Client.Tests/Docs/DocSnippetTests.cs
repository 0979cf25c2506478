using System.Reflection;
using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dentally.NexGen.Client.Tests.Docs;

/// <summary>
/// Every C# block in README.md and docs/ is a whole file a newcomer can paste into a new app: it is
/// compiled alone, as its own compilation, and it equals its source (a file in samples/Snippets, or a
/// whole-file region of samples/QuickStart or of a test that runs), so no documented code can stop
/// compiling unnoticed.
/// </summary>
public sealed partial class DocSnippetTests
{
    /// <summary>What <c>dotnet new console</c> and <c>dotnet new xunit</c> give every file (ImplicitUsings).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

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

    [Theory(Skip = OnlyWithTheSamples.Skip)]
    [MemberData(nameof(Documents))]
    public void Every_csharp_block_compiles_alone(string document)
    {
        var failures = new List<string>();
        foreach (var (name, code) in Blocks(document))
        {
            var errors = CompileAlone($"{name}.cs", code);
            if (errors.Count > 0)
            {
                failures.Add($"{document}: the snippet '{name}' starting \"{FirstLine(code)}\" does not compile as a file of its own:\n  " + string.Join("\n  ", errors));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void The_docs_cover_every_topic()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.RepoRoot, "docs"), "*.md").Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "getting-started.md", "configuration.md", "authentication.md", "errors.md", "retries-and-idempotency.md", "paging.md", "booking-workflow.md", "testing-with-the-sandbox.md", "observability.md", "versioning.md" }, files);
    }

    /// <summary>
    /// One compilation per snippet: a console app when it has top-level statements, a library (a test
    /// class) otherwise; nullable on; the references a new app would have (the runtime, the SDK, the
    /// testing package, Microsoft.Extensions.*, xunit, ASP.NET Core). Only errors fail it.
    /// </summary>
    private static List<string> CompileAlone(string fileName, string code)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(code, parse, path: fileName);
        var topLevel = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(fileName).Replace('-', '_'),
            [tree, CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.g.cs")],
            References.Value,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
    }

    private static MetadataReference[] LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        return trusted
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(path => path.Length > 0 && File.Exists(path))
            .Where(path => !Path.GetFileNameWithoutExtension(path).Equals(typeof(DocSnippetTests).Assembly.GetName().Name, StringComparison.OrdinalIgnoreCase))
            .GroupBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First())
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
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

        // Whole files that also build or run: samples/QuickStart's Program.cs and two tests.
        foreach (var file in new[]
        {
            Path.Combine(RepoPaths.RepoRoot, "samples", "QuickStart", "Program.cs"),
            Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "Sandbox", "WebApplicationFactoryTests.cs"),
            Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "Sandbox", "SandboxClockTests.cs"),
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
