using System.Runtime.InteropServices;

namespace Dentally.NexGen.Tests.AllFrameworks;

/// <summary>
/// Each build of a test project runs on the runtime it targets: the net8.0 build on the real .NET 8
/// (self-contained, see tests/Frameworks.props), never rolled forward to .NET 10.
/// </summary>
public sealed class RuntimeTests
{
    [Fact]
    public void The_tests_run_on_the_runtime_they_target()
    {
#if NET10_0
        const int Expected = 10;
#elif NET8_0
        const int Expected = 8;
#endif
        Assert.StartsWith($".NET {Expected}.", RuntimeInformation.FrameworkDescription, StringComparison.Ordinal);
        Assert.Equal(Expected, Environment.Version.Major);
    }
}
