using Dentally.NexGen.Client;

namespace Dentally.NexGen.TestSupport;

/// <summary>Client options for tests whose subject is not timing.</summary>
internal static class TestOptions
{
    /// <summary>
    /// Puts the client on a fake clock: its retry delays (back-offs, Retry-After, key in use: anything
    /// up to half its shortest timeout) pass as soon as they start, and its timeouts fire only if a test
    /// moves the clock. A slow machine then cannot turn a slow answer into a timeout and a retry.
    /// </summary>
    public static NexGenClientOptions OnTestClock(this NexGenClientOptions options)
    {
        var shortestTimeout = options.AttemptTimeout < options.OverallTimeout ? options.AttemptTimeout : options.OverallTimeout;
        options.TimeProvider = new TestClock { AutoAdvanceUpTo = shortestTimeout / 2 };
        return options;
    }
}
