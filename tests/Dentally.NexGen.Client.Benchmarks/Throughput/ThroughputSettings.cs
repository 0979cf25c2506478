namespace Dentally.NexGen.Client.Benchmarks.Throughput;

/// <summary>How big a throughput run is. Every loop of the run is bounded by these numbers and by <see cref="Deadline"/>.</summary>
/// <param name="Concurrency">Bookings in flight at once per round.</param>
/// <param name="WarmupRounds">
/// Untimed rounds per side first: connection pools, the type cache, and above all tiered JIT — a few
/// rounds leave much of the code at tier 0, which once made the SDK look twice as slow as it is.
/// </param>
/// <param name="MeasuredRounds">Timed rounds per side, SDK and raw alternating so drift hits both.</param>
/// <param name="Deadline">The whole run is cancelled after this, whatever state it is in.</param>
/// <param name="ResolvePerScope">Resolve each booking's workflow from its own DI scope rather than the root provider.</param>
internal sealed record ThroughputSettings(int Concurrency, int WarmupRounds, int MeasuredRounds, TimeSpan Deadline, bool ResolvePerScope = false)
{
    /// <summary>The measurement docs/performance.md reports: 500 concurrent bookings, 100 timed rounds per side.
    /// A round takes a few tens of milliseconds, so one round alone says little; with 20 rounds, runs of the
    /// same build differed by up to 0.1 in the ratio.</summary>
    public static ThroughputSettings Full { get; } = new(Concurrency: 500, WarmupRounds: 80, MeasuredRounds: 100, Deadline: TimeSpan.FromMinutes(5));

    /// <summary>A smoke run of a few seconds: proves the mode works, measures nothing worth quoting.</summary>
    public static ThroughputSettings Dry { get; } = new(Concurrency: 20, WarmupRounds: 1, MeasuredRounds: 1, Deadline: TimeSpan.FromMinutes(1));
}
