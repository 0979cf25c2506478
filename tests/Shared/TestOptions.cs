using Dentally.NexGen.Client;

namespace Dentally.NexGen.TestSupport;

/// <summary>Client options for tests whose subject is not timing.</summary>
internal static class TestOptions
{
    /// <summary>Longer than any retry delay a test provokes (back-offs, Retry-After, key in use); shorter than any timeout left on this clock.</summary>
    private static readonly TimeSpan RetryDelays = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Puts the client on a fake clock: its retry delays pass as soon as they start, and its timeouts
    /// (10 s and 60 s by default, longer than <see cref="RetryDelays"/>) fire only if a test moves the
    /// clock. A slow machine then cannot turn a slow answer into a timeout and a retry.
    /// </summary>
    public static NexGenClientOptions OnTestClock(this NexGenClientOptions options)
    {
        options.TimeProvider = new TestClock { AutoAdvanceUpTo = RetryDelays };
        return options;
    }
}
