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

    /// <summary>Every byte allocated by the process so far, on all threads (the in-process server's included).</summary>
    public static long AllocatedBytes() => GC.GetTotalAllocatedBytes(precise: true);
}
