using System.Diagnostics;
using System.Globalization;
using Dentally.NexGen.Client.Benchmarks.Benchmarks;

namespace Dentally.NexGen.Client.Benchmarks.Load;

/// <summary>
/// The sides of <see cref="ConcurrentBookingBenchmarks"/> one round each in turn, in one process, for a
/// fixed time: a shared, noisy machine slows every side alike within a second, so the ratios hold where
/// separate runs drift by 10–20%. A quick check between code changes; BenchmarkDotNet gives the figures
/// the docs compare.
/// </summary>
internal static class InterleavedRun
{
    /// <param name="seconds">How long to alternate, after a warm-up of every side.</param>
    public static async Task<int> RunAsync(int seconds)
    {
        var benchmarks = new ConcurrentBookingBenchmarks();
        await benchmarks.SetupAsync();
        try
        {
            (string Name, Func<Task> Round, int Requests)[] sides =
            [
                ("NSwag's default client", benchmarks.NSwagDefaultBookings, 3),
                ("raw HttpClient", benchmarks.RawBookings, 3),
                ("SDK, requests chained", benchmarks.SdkChainedRequests, 3),
                ("SDK booking", benchmarks.SdkBookings, 2),
            ];
            var elapsed = new TimeSpan[sides.Length];
            var rounds = new int[sides.Length];
            // Each cycle's own ratio to NSwag's round of the same cycle: a drift of the machine over the run
            // cancels within a cycle, and the median leaves out the cycles a collection or a neighbour hit.
            var cycleRatios = Enumerable.Range(0, sides.Length).Select(_ => new List<double>()).ToArray();
            var clock = Stopwatch.StartNew();
            for (var cycle = 0; clock.Elapsed < TimeSpan.FromSeconds(seconds) || cycle < 2; cycle++)
            {
                // Each side leads in turn, so none always follows the same neighbour's garbage.
                var thisCycle = new TimeSpan[sides.Length];
                for (var i = 0; i < sides.Length; i++)
                {
                    var side = (cycle + i) % sides.Length;
                    var started = Stopwatch.GetTimestamp();
                    await sides[side].Round();
                    if (cycle > 0)
                    {
                        thisCycle[side] = Stopwatch.GetElapsedTime(started);
                        elapsed[side] += thisCycle[side];
                        rounds[side]++;
                    }
                }

                if (cycle > 0)
                {
                    for (var side = 0; side < sides.Length; side++)
                    {
                        cycleRatios[side].Add(thisCycle[0] / thisCycle[side]);
                    }
                }
            }

            var nswag = Rate(0);
            for (var i = 0; i < sides.Length; i++)
            {
                var (median, low, high) = Quartiles(cycleRatios[i]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sides[i].Name,-24} {Rate(i),7:F0} bookings/s ({Rate(i) / nswag:F2}×), {Rate(i) * sides[i].Requests,7:F0} requests/s ({Rate(i) * sides[i].Requests / (nswag * 3):F2}×); per cycle, bookings/s over NSwag's: median {median:F2}× ({low:F2}–{high:F2}), {cycleRatios[i].Count} cycles"));
            }

            return 0;

            // Every round is the same 500 bookings, so NSwag's round time over a side's is that side's bookings/s over NSwag's.
            static (double Median, double Low, double High) Quartiles(List<double> ratios)
            {
                var sorted = ratios.Order().ToList();
                return (sorted[sorted.Count / 2], sorted[sorted.Count / 4], sorted[sorted.Count * 3 / 4]);
            }

            double Rate(int side) => rounds[side] * (double)ConcurrentBookingBenchmarks.Concurrency / elapsed[side].TotalSeconds;
        }
        finally
        {
            await benchmarks.CleanupAsync();
        }
    }
}
