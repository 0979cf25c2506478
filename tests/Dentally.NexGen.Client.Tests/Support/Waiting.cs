using System.Diagnostics;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>Waits for something another task or process does, failing the test when it does not happen in time.</summary>
internal static class Waiting
{
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < (limit ?? TimeSpan.FromSeconds(10)), "timed out waiting for " + what);
            await Task.Delay(10);
        }
    }
}
