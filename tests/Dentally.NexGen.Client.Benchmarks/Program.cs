using BenchmarkDotNet.Running;
using Dentally.NexGen.Client.Benchmarks.Allocations;
using Dentally.NexGen.Client.Benchmarks.Paired;
using Dentally.NexGen.Client.Benchmarks.Throughput;

// Ways in (docs/performance.md has the exact commands):
//   --throughput [--scoped] [--dry]
//                          500 concurrent bookings, SDK through DI vs raw HttpClient (not BenchmarkDotNet);
//                          --scoped resolves each booking's workflow from its own DI scope (as a web
//                          request would) instead of the root provider; --dry is a few seconds' smoke run.
//   --paired [--dry]       the per-call scenarios of SdkVsRawBenchmarks, SDK and floor timed in alternating
//                          blocks within one process, the ratio taken per round (not BenchmarkDotNet).
//   --allocations [--loopback]
//                          bytes per booking by type, floor vs SDK.
//   --dry                  every benchmark once, untimed: shorthand for --filter '*' --job dry.
//   anything else          BenchmarkDotNet's own arguments, e.g. --filter '*' --job short.
if (args.Contains("--throughput"))
{
    var settings = args.Contains("--dry") ? ThroughputSettings.Dry : ThroughputSettings.Full;
    return await ThroughputMode.RunAsync(settings with { ResolvePerScope = args.Contains("--scoped") });
}

if (args.Contains("--paired"))
{
    return await PairedMode.RunAsync(args.Contains("--dry") ? PairedSettings.Dry : PairedSettings.Full);
}

if (args.Contains("--allocations"))
{
    var loopback = args.Contains("--loopback");
    return await AllocationMode.RunAsync(bookings: args.Contains("--dry") ? 1_000 : loopback ? 20_000 : 100_000, top: 45, loopback);
}

var benchmarkArgs = args.SequenceEqual(["--dry"]) ? ["--filter", "*", "--job", "dry"] : args;
var summaries = BenchmarkSwitcher.FromAssembly(typeof(ThroughputMode).Assembly).Run(benchmarkArgs);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
