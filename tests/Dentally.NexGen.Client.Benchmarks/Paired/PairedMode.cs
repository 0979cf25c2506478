using System.Diagnostics;
using System.Globalization;
using Dentally.NexGen.Client.Benchmarks.Benchmarks;

namespace Dentally.NexGen.Client.Benchmarks.Paired;

/// <summary>
/// <c>--paired</c>: the per-call comparison of <see cref="SdkVsRawBenchmarks"/> as a paired experiment.
/// BenchmarkDotNet measures the SDK and the floor minutes apart, and on a shared machine the floor
/// itself drifts by tens of percent between such runs, so their ratio carries that drift. Here each
/// round times a block of sequential floor calls and a block of the same SDK calls back to back (the
/// order alternating between rounds), so both blocks see the same machine, and the ratio is taken per
/// round; the median round ratio and its spread are reported. Same scenarios, same server, same
/// clients, same checks as the BenchmarkDotNet class (its setup is reused).
/// </summary>
internal static class PairedMode
{
    public static async Task<int> RunAsync(PairedSettings settings)
    {
        var benchmarks = new SdkVsRawBenchmarks();
        await benchmarks.SetupAsync();
        try
        {
            Console.WriteLine($"Paired per-call comparison over loopback: {settings.Rounds} rounds of {settings.CallsPerBlock} calls per side per scenario, {settings.WarmupCalls} warm-up calls per side first");
            Console.WriteLine($"{"Scenario",-38} {"floor µs",9} {"SDK µs",9} {"median ratio",13} {"middle half of rounds",22} {"rounds ≤ 1.10",14}");
            var scenarios = new (string Name, Func<Task> Floor, Func<Task> Sdk)[]
            {
                ("Patient search (page of 20)", benchmarks.RawSearchPatients, benchmarks.SdkSearchPatients),
                ("Appointment types (3)", benchmarks.RawListAppointmentTypes, benchmarks.SdkListAppointmentTypes),
                ("Create appointment", benchmarks.RawCreateAppointment, benchmarks.SdkCreateAppointment),
                ("Booking, warm type cache (2 requests)", benchmarks.RawBook, benchmarks.SdkBook),
            };

            foreach (var (name, floor, sdk) in scenarios)
            {
                await BlockAsync(floor, settings.WarmupCalls);
                await BlockAsync(sdk, settings.WarmupCalls);
                var result = await MeasureAsync(floor, sdk, settings);
                Console.WriteLine(result.Line(name));
            }

            return 0;
        }
        finally
        {
            await benchmarks.CleanupAsync();
        }
    }

    private static async Task<PairedResult> MeasureAsync(Func<Task> floor, Func<Task> sdk, PairedSettings settings)
    {
        var floorMicros = new double[settings.Rounds];
        var sdkMicros = new double[settings.Rounds];
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Alternate which side goes first, so neither always runs on the other's leftovers.
            if (round % 2 == 0)
            {
                floorMicros[round] = await BlockAsync(floor, settings.CallsPerBlock);
                sdkMicros[round] = await BlockAsync(sdk, settings.CallsPerBlock);
            }
            else
            {
                sdkMicros[round] = await BlockAsync(sdk, settings.CallsPerBlock);
                floorMicros[round] = await BlockAsync(floor, settings.CallsPerBlock);
            }
        }

        return new PairedResult(floorMicros, sdkMicros);
    }

    /// <summary>Mean microseconds per call over <paramref name="calls"/> sequential calls.</summary>
    private static async Task<double> BlockAsync(Func<Task> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / calls;
    }

    private sealed class PairedResult(double[] floorMicros, double[] sdkMicros)
    {
        public string Line(string name)
        {
            var ratios = floorMicros.Zip(sdkMicros, (f, s) => s / f).Order().ToArray();
            var withinTarget = ratios.Count(r => r <= 1.10) / (double)ratios.Length;
            return string.Create(CultureInfo.InvariantCulture,
                $"{name,-38} {Median(floorMicros),9:0.0} {Median(sdkMicros),9:0.0} {Percentile(ratios, 0.5),13:0.00} {Percentile(ratios, 0.25),12:0.00} – {Percentile(ratios, 0.75),-7:0.00} {withinTarget,14:P0}");
        }

        private static double Median(double[] values) => Percentile(values.Order().ToArray(), 0.5);

        private static double Percentile(double[] sorted, double p)
        {
            var position = p * (sorted.Length - 1);
            var below = (int)Math.Floor(position);
            var above = Math.Min(below + 1, sorted.Length - 1);
            return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
        }
    }
}
