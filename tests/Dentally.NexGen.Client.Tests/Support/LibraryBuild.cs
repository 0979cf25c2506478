using System.Reflection;
using System.Runtime.Versioning;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// Which build of Dentally.NexGen.Client is under test: net10.0 and net8.0 in Dentally.NexGen.Client.Tests,
/// netstandard2.0 in Dentally.NexGen.Client.NetStandardTests (NEXGEN_NETSTANDARD_BUILD). Where the builds
/// behave differently each behaviour has its own test, skipped with its reason on the other builds.
/// </summary>
internal static class LibraryBuild
{
#if NEXGEN_NETSTANDARD_BUILD
    public const string? SkipUnlessNet = "The netstandard2.0 build has no SocketsHttpHandler: DI registers a typed client whose handlers the factory rotates (the test of that runs here).";
    public const string? SkipUnlessNetStandard = null;
#else
    public const string? SkipUnlessNet = null;
    public const string? SkipUnlessNetStandard = "Only the netstandard2.0 build registers a typed client; Dentally.NexGen.Client.NetStandardTests runs this test.";
#endif

    /// <summary>The target framework of <paramref name="assembly"/>'s build: net10.0, net8.0 or netstandard2.0.</summary>
    public static string TargetFramework(Assembly assembly)
    {
        var name = assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName
            ?? throw new InvalidOperationException(assembly.GetName().Name + " has no TargetFrameworkAttribute.");
        var framework = new FrameworkName(name);
        return framework.Identifier switch
        {
            ".NETStandard" => $"netstandard{framework.Version.ToString(2)}",
            ".NETCoreApp" => $"net{framework.Version.ToString(2)}",
            _ => throw new InvalidOperationException("Unexpected target framework " + name),
        };
    }
}
