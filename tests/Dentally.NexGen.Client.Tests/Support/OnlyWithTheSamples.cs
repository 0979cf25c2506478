namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// The samples are net10.0 apps, referenced only by the builds of the tests that run on .NET 10
/// (NEXGEN_SAMPLES). A build without them keeps every test of the samples, skipped with this reason,
/// instead of leaving it out.
/// </summary>
internal static class OnlyWithTheSamples
{
#if NEXGEN_SAMPLES
    public const string? Skip = null;
#else
    public const string Skip = "Needs the samples, which are net10.0 apps this build of the tests cannot load; the net10.0 build runs it.";
#endif

#if NEXGEN_NETSTANDARD_BUILD
    /// <summary>For a test that starts a sample as a process of its own.</summary>
    public const string? SkipAsAProcess = "Starts the sample as a process of its own, whose dependency file names the library's net10.0 build, not the netstandard2.0 build under test here; the net10.0 build of Dentally.NexGen.Client.Tests runs it.";
#else
    /// <summary>For a test that starts a sample as a process of its own.</summary>
    public const string? SkipAsAProcess = Skip;
#endif
}
