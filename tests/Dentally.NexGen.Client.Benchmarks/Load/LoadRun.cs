using System.Diagnostics;
using System.Globalization;
using Dentally.NexGen.Client.Benchmarks.Benchmarks;

namespace Dentally.NexGen.Client.Benchmarks.Load;

/// <summary>
/// The 500-way concurrent load of <see cref="ConcurrentBookingBenchmarks"/>, one side at a time, for a
/// fixed time: a process to watch with <c>dotnet-counters</c> and <c>dotnet-trace</c> (docs/performance.md
/// has the commands). It prints bookings per second after a warm-up; BenchmarkDotNet, not this, gives
/// the figures the docs compare.
/// </summary>
internal static class LoadRun
{
    private static readonly string[] Sides = ["raw", "nswag", "sdk", "sdk-chained", "memory-nswag-types", "memory-sdk-types", "memory-nswag-create", "memory-sdk-create", "memory-nswag-search", "memory-sdk-search", "memory-nswag-book", "memory-sdk-book"];

    /// <param name="args"><c>--load SIDE [SECONDS] [--allocations]</c>: one of raw, nswag, sdk, sdk-chained (500 concurrent bookings over loopback) or memory-{nswag,sdk}-{types,create,search,book} (one call at a time in memory); 20 s by default; with <c>--allocations</c>, the sampled allocations by type.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || Array.IndexOf(Sides, args[1]) < 0)
        {
            await Console.Error.WriteLineAsync("usage: --load raw|nswag|sdk|sdk-chained|memory-{nswag,sdk}-{types,create,search,book} [seconds] [--allocations]");
            return 2;
        }

        var seconds = args.Length > 2 && args[2] != "--allocations" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        if (args[1].StartsWith("memory-", StringComparison.Ordinal))
        {
            return await InMemoryAsync(args, seconds);
        }

        var benchmarks = new ConcurrentBookingBenchmarks();
        await benchmarks.SetupAsync();
        try
        {
            Func<Task> round = args[1] switch
            {
                "raw" => benchmarks.RawBookings,
                "nswag" => benchmarks.NSwagDefaultBookings,
                "sdk" => benchmarks.SdkBookings,
                _ => benchmarks.SdkChainedRequests,
            };

            await RunForAsync(round, TimeSpan.FromSeconds(Math.Min(5, seconds)));
            using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
            sampler?.Start();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var paused = GC.GetTotalPauseDuration();
            var allocated = GC.GetTotalAllocatedBytes();
            int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var (rounds, elapsed) = await RunForAsync(round, TimeSpan.FromSeconds(seconds));
            var bookings = (double)rounds * ConcurrentBookingBenchmarks.Concurrency;
            sampler?.Stop();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{args[1]}: {bookings / elapsed.TotalSeconds:F0} bookings/s; per booking (client and server together): CPU {(process.TotalProcessorTime - cpu).TotalMicroseconds / bookings:F0} µs, GC pause {(GC.GetTotalPauseDuration() - paused).TotalMicroseconds / bookings:F1} µs, {(GC.GetTotalAllocatedBytes() - allocated) / bookings / 1024:F1} KB allocated; collections per 1,000 bookings: gen0 {(GC.CollectionCount(0) - collections[0]) * 1000 / bookings:F1}, gen1 {(GC.CollectionCount(1) - collections[1]) * 1000 / bookings:F2}, gen2 {(GC.CollectionCount(2) - collections[2]) * 1000 / bookings:F2}; promoted in the last ephemeral collection {GC.GetGCMemoryInfo(GCKind.Ephemeral).PromotedBytes / 1024} KB"));
            sampler?.Print(Console.Out, bookings);
            return 0;
        }
        finally
        {
            await benchmarks.CleanupAsync();
        }
    }

    /// <summary>One call after another over the in-memory transport: the client's own work per call, by type allocated.</summary>
    private static async Task<int> InMemoryAsync(string[] args, int seconds)
    {
        const int Batch = 1000;
        var layers = new SdkLayerBenchmarks();
        await layers.SetupAsync();
        Func<Task> call = args[1] switch
        {
            "memory-nswag-types" => layers.NSwagDefaultTypes,
            "memory-sdk-types" => layers.SdkTypes,
            "memory-nswag-create" => layers.NSwagDefaultCreate,
            "memory-sdk-create" => layers.SdkCreate,
            "memory-nswag-search" => layers.NSwagDefaultSearch,
            "memory-sdk-search" => layers.SdkSearch,
            "memory-nswag-book" => layers.NSwagDefaultBook,
            _ => layers.SdkBook,
        };
        async Task Round()
        {
            for (var i = 0; i < Batch; i++)
            {
                await call();
            }
        }

        await RunForAsync(Round, TimeSpan.FromSeconds(Math.Min(5, seconds)));
        using var sampler = new AllocationSampler();
        sampler.Start();
        var allocated = GC.GetTotalAllocatedBytes();
        var (rounds, elapsed) = await RunForAsync(Round, TimeSpan.FromSeconds(seconds));
        sampler.Stop();
        var calls = (double)rounds * Batch;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]}: {elapsed.TotalMicroseconds / calls:F2} µs and {(GC.GetTotalAllocatedBytes() - allocated) / calls:F0} B per call"));
        sampler.Print(Console.Out, calls);
        await layers.CleanupAsync();
        return 0;
    }

    private static async Task<(int Rounds, TimeSpan Elapsed)> RunForAsync(Func<Task> round, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed < duration)
        {
            await round();
            rounds++;
        }

        return (rounds, clock.Elapsed);
    }
}
