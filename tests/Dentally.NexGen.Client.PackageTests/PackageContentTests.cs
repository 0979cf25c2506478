using System.IO.Compression;
using System.Xml.Linq;

namespace Dentally.NexGen.Client.PackageTests;

/// <summary>What integrators download: folders, metadata and dependencies of every package (the client, the sandbox, the contract check and the nexgen tool).</summary>
public sealed class PackageContentTests
{
    private static readonly string PackageDir = Environment.GetEnvironmentVariable("NEXGEN_PACKAGE_DIR")
        ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "packages"));

    private static readonly string Version = Environment.GetEnvironmentVariable("NEXGEN_PACKAGE_VERSION") ?? "0.1.0-preview.1";

    [Fact]
    public void The_client_package_has_three_target_frameworks_docs_readme_and_changelog()
    {
        using var package = Open("Dentally.NexGen.Client");
        var files = Files(package);

        foreach (var tfm in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/Dentally.NexGen.Client.dll", files);
            Assert.Contains($"lib/{tfm}/Dentally.NexGen.Client.xml", files);
        }

        Assert.Contains("README.md", files);
        Assert.Contains("CHANGELOG.md", files);
        AssertNoToolingOrTests(files);
    }

    [Fact]
    public void The_client_package_metadata_is_complete()
    {
        using var package = Open("Dentally.NexGen.Client");
        var metadata = Metadata(package);

        Assert.Equal("Dentally.NexGen.Client", Value(metadata, "id"));
        Assert.Equal(Version, Value(metadata, "version"));
        Assert.Contains("-", Version, StringComparison.Ordinal);
        Assert.Equal("Dentally", Value(metadata, "authors"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", metadata.Element(metadata.Name.Namespace + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "projectUrl")));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.Contains("CHANGELOG.md", Value(metadata, "releaseNotes"), StringComparison.Ordinal);
        Assert.Contains("nexgen", Value(metadata, "tags"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_package_depends_on_its_runtime_libraries_only()
    {
        using var package = Open("Dentally.NexGen.Client");
        var groups = DependencyGroups(package);

        Assert.Equal(new[] { ".NETStandard2.0", "net10.0", "net8.0" }, groups.Keys.Order(StringComparer.Ordinal));
        foreach (var (_, dependencies) in groups)
        {
            Assert.Contains("Newtonsoft.Json", dependencies);
            Assert.Contains("Polly.Core", dependencies);
            Assert.Contains("Microsoft.Extensions.Http", dependencies);
            // Polly is used directly by the SDK's pipeline; the Http.Resilience layer (and its
            // telemetry and compliance packages) is not needed by an integrator's app.
            Assert.DoesNotContain("Microsoft.Extensions.Http.Resilience", dependencies);
            Assert.DoesNotContain(dependencies, d => d.StartsWith("NSwag", StringComparison.Ordinal));
            Assert.DoesNotContain(dependencies, d => d.Contains("SourceLink", StringComparison.Ordinal) || d.Contains("Analyzers", StringComparison.Ordinal));
        }

        Assert.Contains("Microsoft.Bcl.AsyncInterfaces", groups[".NETStandard2.0"]);
    }

    [Fact]
    public void The_testing_package_depends_on_the_client_and_ASP_NET_Core_not_WireMock()
    {
        using var package = Open("Dentally.NexGen.Client.Testing");
        var files = Files(package);
        var groups = DependencyGroups(package, withVersions: true);

        Assert.Contains("lib/net8.0/Dentally.NexGen.Client.Testing.dll", files);
        Assert.Contains("lib/net10.0/Dentally.NexGen.Client.Testing.dll", files);
        Assert.Contains("README.md", files);
        AssertNoToolingOrTests(files);
        foreach (var (_, dependencies) in groups)
        {
            Assert.Contains($"Dentally.NexGen.Client@{Version}", dependencies);
            Assert.DoesNotContain(dependencies, d => d.StartsWith("WireMock", StringComparison.Ordinal));
        }

        // The sandbox is an ASP.NET Core app: the shared framework comes with the .NET runtime, not as packages.
        var metadata = Metadata(package);
        var frameworks = metadata.Element(metadata.Name.Namespace + "frameworkReferences")!.Elements(metadata.Name.Namespace + "group").ToList();
        Assert.Equal(groups.Count, frameworks.Count);
        Assert.All(frameworks, g => Assert.Contains(g.Elements(metadata.Name.Namespace + "frameworkReference"), r => r.Attribute("name")!.Value == "Microsoft.AspNetCore.App"));
    }

    [Fact]
    public void The_contract_check_package_carries_the_contract_inside_its_library_only()
    {
        using var package = Open("Dentally.NexGen.ContractCheck");
        var files = Files(package);
        var groups = DependencyGroups(package);

        Assert.Contains("lib/net8.0/Dentally.NexGen.ContractCheck.dll", files);
        Assert.Contains("lib/net10.0/Dentally.NexGen.ContractCheck.dll", files);
        Assert.Contains("lib/net10.0/Dentally.NexGen.ContractCheck.xml", files);
        Assert.Contains("README.md", files);
        // The contract is an embedded resource of the library, not a file of the package.
        AssertNoToolingOrTests(files);
        Assert.Equal(new[] { "net10.0", "net8.0" }, groups.Keys.Order(StringComparer.Ordinal));
        foreach (var (_, dependencies) in groups)
        {
            Assert.Contains("NSwag.Core.Yaml", dependencies);
            Assert.DoesNotContain(dependencies, d => d.Contains("SourceLink", StringComparison.Ordinal) || d.Contains("Analyzers", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_tool_package_installs_the_nexgen_command()
    {
        using var package = Open("Dentally.NexGen.Tool");
        var files = Files(package);
        var metadata = Metadata(package);

        Assert.Contains("tools/net10.0/any/nexgen.dll", files);
        Assert.Contains("tools/net10.0/any/Dentally.NexGen.ContractCheck.dll", files);
        Assert.Contains("README.md", files);
        var ns = metadata.Name.Namespace;
        Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")!.Element(ns + "packageType")!.Attribute("name")!.Value);
        Assert.Equal(Version, Value(metadata, "version"));
        using var settings = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settings).Descendants("Command").Single();
        Assert.Equal(("nexgen", "nexgen.dll"), (command.Attribute("Name")!.Value, command.Attribute("EntryPoint")!.Value));
    }

    [Theory]
    [InlineData("Dentally.NexGen.Client", "Dentally.NexGen.Client")]
    [InlineData("Dentally.NexGen.Client.Testing", "Dentally.NexGen.Client.Testing")]
    [InlineData("Dentally.NexGen.ContractCheck", "Dentally.NexGen.ContractCheck")]
    [InlineData("Dentally.NexGen.Tool", "nexgen")]
    public void Each_package_has_a_symbol_package(string id, string assembly)
    {
        var symbols = Path.Combine(PackageDir, $"{id}.{Version}.snupkg");
        Assert.True(File.Exists(symbols), symbols);
        using var archive = ZipFile.OpenRead(symbols);
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith($"{assembly}.pdb", StringComparison.Ordinal));
    }

    private static void AssertNoToolingOrTests(IReadOnlyCollection<string> files)
    {
        Assert.DoesNotContain(files, f => f.Contains("Tests", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("nswag", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".liquid", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".cs", StringComparison.Ordinal) || f.Contains("openapi", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.StartsWith("build", StringComparison.Ordinal) || f.StartsWith("tools/", StringComparison.Ordinal));
    }

    private static ZipArchive Open(string id)
    {
        var path = Path.Combine(PackageDir, $"{id}.{Version}.nupkg");
        Assert.True(File.Exists(path), $"{path} is missing: run `dotnet pack -c Release` first.");
        return ZipFile.OpenRead(path);
    }

    private static List<string> Files(ZipArchive package) => package.Entries.Select(e => e.FullName).ToList();

    private static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? string.Empty;

    private static Dictionary<string, List<string>> DependencyGroups(ZipArchive package, bool withVersions = false)
    {
        var metadata = Metadata(package);
        var ns = metadata.Name.Namespace;
        return metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToDictionary(
            g => g.Attribute("targetFramework")!.Value,
            g => g.Elements(ns + "dependency").Select(d => withVersions ? $"{d.Attribute("id")!.Value}@{d.Attribute("version")!.Value}" : d.Attribute("id")!.Value).ToList());
    }
}
