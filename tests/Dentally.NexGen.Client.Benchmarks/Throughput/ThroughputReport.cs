using System.Runtime.InteropServices;
using Dentally.NexGen.Client.Benchmarks.Server;

namespace Dentally.NexGen.Client.Benchmarks.Throughput;

/// <summary>
/// Prints the throughput run as it goes (one line per round) and a summary that compares the sides
/// with the targets: SDK ≥ 0.9 × raw requests per second, no new connections after warm-up, and a
/// live heap no bigger after the timed rounds than before them. Each round shows the collections
/// that ran in it: a side that allocates more pays for more of them.
/// </summary>
internal sealed class ThroughputReport
{
    private const double MiB = 1024 * 1024;

    private readonly LoopbackApi _server;
    private readonly List<RoundResult> _measured = [];
    private long _connectionsAfterWarmup;
    private long _liveBytesBefore;

    public ThroughputReport(ThroughputSettings settings, LoopbackApi server)
    {
        _server = server;
        Line($"Throughput: {settings.Concurrency} concurrent bookings per round (search + POST each), {settings.WarmupRounds} warm-up and {settings.MeasuredRounds} timed round(s) per side");
        Line($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, server GC: {System.Runtime.GCSettings.IsServerGC}");
        Line($"{"side",-5} {"round",-7} {"requests",9} {"seconds",8} {"req/s",9} {"new conns",10} {"alloc MiB",10} {"alloc/booking KiB",18} {"GC pause ms",12} {"gen0/1/2",9}");
    }

    /// <summary>Warm-up rounds are shown, never summarised.</summary>
    public static void Warmup(RoundResult result) => Print(result);

    public void MeasurementStarts(long liveBytes)
    {
        _connectionsAfterWarmup = _server.Connections.Accepted;
        _liveBytesBefore = liveBytes;
    }

    public void Measured(RoundResult result)
    {
        _measured.Add(result);
        Print(result);
    }

    /// <summary>Prints the summary; the exit code is 0 (the targets are reported, not enforced: this is evidence, not a gate).</summary>
    public int Finish(long liveBytesAfter)
    {
        var sdk = RequestsPerSecond("SDK");
        var raw = RequestsPerSecond("raw");
        var newConnections = _server.Connections.Accepted - _connectionsAfterWarmup;
        Line($"");
        Line($"requests/s over all timed rounds: SDK {sdk:N0}, raw {raw:N0}, SDK/raw {sdk / raw:0.00} (target ≥ 0.90: {(sdk / raw >= 0.9 ? "met" : "MISSED")})");
        Line($"median round: SDK {MedianRequestsPerSecond("SDK"):N0} requests/s, raw {MedianRequestsPerSecond("raw"):N0} requests/s");
        Line($"TCP connections accepted: {_server.Connections.Accepted} in all, {_connectionsAfterWarmup} during warm-up, {newConnections} during the timed rounds; {_server.Connections.Open} open now");
        Line($"live managed heap after a full GC: {_liveBytesBefore / MiB:0.0} MiB before the timed rounds, {liveBytesAfter / MiB:0.0} MiB after");
        Line($"GC during the timed rounds: SDK {Collections("SDK")}, raw {Collections("raw")}");
        Line($"allocated per booking (process-wide, server included): SDK {AllocatedPerBooking("SDK") / 1024:0.0} KiB, raw {AllocatedPerBooking("raw") / 1024:0.0} KiB");
        return 0;
    }

    private double RequestsPerSecond(string side)
    {
        var rounds = _measured.Where(r => r.Side == side).ToList();
        return rounds.Sum(r => r.Requests) / rounds.Sum(r => r.Elapsed.TotalSeconds);
    }

    private double MedianRequestsPerSecond(string side)
    {
        var sorted = _measured.Where(r => r.Side == side).Select(r => r.RequestsPerSecond).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private double AllocatedPerBooking(string side)
    {
        var rounds = _measured.Where(r => r.Side == side).ToList();
        return (double)rounds.Sum(r => r.AllocatedBytes) / rounds.Sum(r => r.Bookings);
    }

    private string Collections(string side)
    {
        var rounds = _measured.Where(r => r.Side == side).ToList();
        var paused = rounds.Sum(r => r.Gc.Paused.TotalMilliseconds);
        var elapsed = rounds.Sum(r => r.Elapsed.TotalMilliseconds);
        return FormattableString.Invariant(
            $"{paused:N0} ms paused of {elapsed:N0} ms ({paused / elapsed:P0}), {rounds.Sum(r => r.Gc.Gen0)}/{rounds.Sum(r => r.Gc.Gen1)}/{rounds.Sum(r => r.Gc.Gen2)} gen0/1/2 collections");
    }

    private static void Print(RoundResult r)
        => Line($"{r.Side,-5} {(r.Round == 0 ? "warm-up" : r.Round.ToString(System.Globalization.CultureInfo.InvariantCulture)),-7} {r.Requests,9} {r.Elapsed.TotalSeconds,8:0.000} {r.RequestsPerSecond,9:N0} {r.NewConnections,10} {r.AllocatedBytes / MiB,10:0.0} {(double)r.AllocatedBytes / r.Bookings / 1024,18:0.0} {r.Gc.Paused.TotalMilliseconds,12:0} {$"{r.Gc.Gen0}/{r.Gc.Gen1}/{r.Gc.Gen2}",9}");

    private static void Line(FormattableString text) => Console.WriteLine(FormattableString.Invariant(text));
}
