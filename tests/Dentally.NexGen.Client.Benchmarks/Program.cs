using BenchmarkDotNet.Running;
using Dentally.NexGen.Client.Benchmarks.Benchmarks;
using Dentally.NexGen.Client.Benchmarks.Load;

// BenchmarkDotNet's own arguments (docs/performance.md has the exact commands), e.g.
//   --filter '*SdkVsPeers*'           per call, the SDK beside its peers over loopback
//   --filter '*ConcurrentBooking*'    500 bookings at once, SDK through DI vs raw HttpClient
//   --filter '*SdkLayer*'             in memory, the SDK's cost layer by layer
//   --dry                             every benchmark once, untimed: shorthand for --filter '*' --job dry.
//   --load SIDE [SECONDS]             not BenchmarkDotNet: the concurrent load of one side, to profile.
//   --compare [SECONDS]               not BenchmarkDotNet: every side of the concurrent load in turn, ratios to NSwag's.
if (args is ["--compare", ..])
{
    return await InterleavedRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
}

if (args is ["--load", ..])
{
    return await LoadRun.RunAsync(args);
}

var benchmarkArgs = args.SequenceEqual(["--dry"]) ? ["--filter", "*", "--job", "dry"] : args;
var summaries = BenchmarkSwitcher.FromAssembly(typeof(SdkVsPeersBenchmarks).Assembly).Run(benchmarkArgs);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
