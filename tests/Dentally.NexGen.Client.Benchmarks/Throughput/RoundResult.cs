namespace Dentally.NexGen.Client.Benchmarks.Throughput;

/// <summary>What one round of concurrent bookings did, as the server and the GC saw it.</summary>
/// <param name="Side">"SDK" or "raw".</param>
/// <param name="Round">1-based within the side; 0 for warm-up rounds.</param>
/// <param name="Bookings">Bookings completed.</param>
/// <param name="Requests">Requests the server answered during the round.</param>
/// <param name="Elapsed">Wall time from the first call to the last completion.</param>
/// <param name="NewConnections">TCP connections the server accepted during the round.</param>
/// <param name="AllocatedBytes">Bytes allocated by the whole process during the round (client and server).</param>
/// <param name="Gc">The collections that ran during the round and the time they paused the process.</param>
internal sealed record RoundResult(string Side, int Round, int Bookings, long Requests, TimeSpan Elapsed, long NewConnections, long AllocatedBytes, GcCounters Gc)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
