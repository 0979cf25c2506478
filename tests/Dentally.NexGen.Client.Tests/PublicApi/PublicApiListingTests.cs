using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;
using PublicApiGenerator;

namespace Dentally.NexGen.Client.Tests.PublicApi;

/// <summary>
/// The whole public surface of each build of each package — hand-written and generated alike, with
/// nullability, <c>required</c> members and attributes such as <c>[JsonProperty(Required = …)]</c> — is
/// an approved listing, PublicApi/&lt;assembly&gt;.&lt;target framework&gt;.approved.txt, so any change to the
/// code, the spec or the generator is a diff a reviewer sees. Each build of the tests checks the builds it
/// loads: net10.0 and net8.0 here, netstandard2.0 in Dentally.NexGen.Client.NetStandardTests.
/// To accept a change, run with NEXGEN_ACCEPT_API=1 (docs/versioning.md) or copy the .received.txt over
/// the .approved.txt.
/// </summary>
public sealed class PublicApiListingTests
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        // InternalsVisibleTo and the build's own attributes say nothing about the surface.
        IncludeAssemblyAttributes = false,
    };

    [Theory]
    [InlineData(typeof(NexGenClient))]
    [InlineData(typeof(NexGenSandbox))]
    public void The_public_surface_of_the_build_matches_its_approved_listing(Type typeInAssembly)
    {
        var assembly = typeInAssembly.Assembly;
        var listing = assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n");
        var build = $"{assembly.GetName().Name}.{LibraryBuild.TargetFramework(assembly)}";
        var folder = Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "PublicApi");
        var approved = Path.Combine(folder, build + ".approved.txt");
        var received = Path.Combine(folder, build + ".received.txt");

        if (Environment.GetEnvironmentVariable("NEXGEN_ACCEPT_API") == "1")
        {
            File.WriteAllText(approved, listing);
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : string.Empty;
        if (listing == expected)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, listing);
        Assert.Fail(
            $"The public surface of {build} changed.\n" +
            $"Review the difference: diff {approved} {received}\n" +
            $"If it is intended, accept it: cp {received} {approved}\n" +
            "(or accept every listing: NEXGEN_ACCEPT_API=1 dotnet test Dentally.NexGen.Client.sln --filter FullyQualifiedName~PublicApiListingTests)");
    }
}
