using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

public sealed class LibraryBuildTests
{
    [Fact]
    public void The_library_under_test_is_the_build_this_test_project_names()
    {
#if NEXGEN_NETSTANDARD_BUILD
        const string Expected = "netstandard2.0";
#elif NET10_0
        const string Expected = "net10.0";
#elif NET8_0
        const string Expected = "net8.0";
#endif
        Assert.Equal(Expected, LibraryBuild.TargetFramework(typeof(NexGenClient).Assembly));
    }
}
