namespace Dentally.NexGen.Client.Benchmarks.Throughput;

/// <summary>Managed memory readings, taken outside the timed part of a round.</summary>
internal static class ManagedMemory
{
    /// <summary>The live managed heap after a full, blocking collection: what survives, i.e. what could be leaking.</summary>
    public static long LiveBytesAfterFullGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The collector's counters so far: time paused and collections per generation.</summary>
    public static GcCounters Collections() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>Every byte allocated by the process so far, on all threads (the in-process server's included).</summary>
    public static long AllocatedBytes() => GC.GetTotalAllocatedBytes(precise: true);
}

/// <summary>Garbage-collection counters; subtract two readings to get what happened in between.</summary>
internal readonly record struct GcCounters(TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static GcCounters operator -(GcCounters after, GcCounters before)
        => new(after.Paused - before.Paused, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
}
