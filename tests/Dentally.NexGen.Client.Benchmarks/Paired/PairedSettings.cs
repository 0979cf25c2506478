namespace Dentally.NexGen.Client.Benchmarks.Paired;

/// <summary>How big a paired run is.</summary>
/// <param name="Rounds">Rounds per scenario; each times one block per side.</param>
/// <param name="CallsPerBlock">Sequential calls per block: enough to average out single slow calls, few enough that a block is milliseconds.</param>
/// <param name="WarmupCalls">Untimed calls per side before a scenario's rounds (tiered JIT, pools).</param>
internal sealed record PairedSettings(int Rounds, int CallsPerBlock, int WarmupCalls)
{
    /// <summary>The run docs/performance.md reports: about 15 seconds in all.</summary>
    public static PairedSettings Full { get; } = new(Rounds: 200, CallsPerBlock: 50, WarmupCalls: 5_000);

    /// <summary>A smoke run of a few seconds: proves the mode works, measures nothing worth quoting.</summary>
    public static PairedSettings Dry { get; } = new(Rounds: 4, CallsPerBlock: 5, WarmupCalls: 10);
}
