using System.Diagnostics;
using Dentally.NexGen.Client.Benchmarks.Baseline;
using Dentally.NexGen.Client.Benchmarks.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Dentally.NexGen.Client.Benchmarks.Throughput;

/// <summary>
/// <c>--throughput</c>: rounds of N concurrent bookings through one DI-registered SDK client and
/// through one raw HttpClient, against the loopback server. Reports requests per second, the TCP
/// connections the server accepted (pooled connections are reused, so after warm-up there should be
/// none) and managed memory across rounds. No collection is forced between timed rounds: a forced
/// full GC after each round would hand every round a fresh allocation budget, so the side that
/// allocates less would never collect while timed (an early version did that and flattered the
/// baseline). The live heap is measured after full collections before and after the timed rounds
/// only. Not BenchmarkDotNet: this is about concurrency, not the
/// cost of one call. The server is stopped and the run ends by itself, at the latest at the deadline.
/// </summary>
internal static class ThroughputMode
{
    public static async Task<int> RunAsync(ThroughputSettings settings)
    {
        using var deadline = new CancellationTokenSource(settings.Deadline);
        await using var server = await LoopbackApi.StartAsync();
        await using var services = SdkServices(server.BaseAddress);
        using var rawApi = new RawNexGenApi(server.BaseAddress);
        var rawTypes = await rawApi.ListAppointmentTypesAsync(deadline.Token);

        // Fill the SDK's shared type cache with one booking first: every timed booking must be the
        // warm-cache case of 2 requests (Contender.Sdk checks it).
        await services.GetRequiredService<BookingWorkflow>().BookAsync(SpecExamples.BookingRequest(), deadline.Token);

        Contender[] sides = [Contender.Sdk(services, settings.ResolvePerScope), Contender.Raw(new RawBooking(rawApi, rawTypes.Items.ToList()))];
        var report = new ThroughputReport(settings, server);
        for (var round = 0; round < settings.WarmupRounds; round++)
        {
            foreach (var side in sides)
            {
                var result = await RoundAsync(side, round: 0, settings.Concurrency, server, deadline.Token);
                if (round == 0 || round == settings.WarmupRounds - 1)
                {
                    // The first and last warm-up rounds show the connections opened and the JIT's progress.
                    ThroughputReport.Warmup(result);
                }
            }
        }

        report.MeasurementStarts(ManagedMemory.LiveBytesAfterFullGc());
        for (var round = 1; round <= settings.MeasuredRounds; round++)
        {
            foreach (var side in sides)
            {
                report.Measured(await RoundAsync(side, round, settings.Concurrency, server, deadline.Token));
            }
        }

        return report.Finish(ManagedMemory.LiveBytesAfterFullGc());
    }

    private static ServiceProvider SdkServices(Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddNexGenClient(options =>
        {
            options.BaseAddress = baseAddress;
            options.OrganizationId = SpecExamples.OrganizationId;
            options.PracticeId = SpecExamples.PracticeId;
            options.Token = SpecExamples.Token;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task<RoundResult> RoundAsync(Contender side, int round, int concurrency, LoopbackApi server, CancellationToken cancellationToken)
    {
        var requestsBefore = server.Requests.Total;
        var connectionsBefore = server.Connections.Accepted;
        var allocatedBefore = ManagedMemory.AllocatedBytes();
        var gcBefore = ManagedMemory.Collections();
        var started = Stopwatch.GetTimestamp();

        var bookings = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            bookings[i] = side.BookOnceAsync(cancellationToken);
        }

        await Task.WhenAll(bookings);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var gc = ManagedMemory.Collections() - gcBefore;
        var allocated = ManagedMemory.AllocatedBytes() - allocatedBefore;
        var requests = server.Requests.Total - requestsBefore;
        if (requests != 2L * concurrency)
        {
            throw new InvalidOperationException($"{side.Name}: {concurrency} bookings made {requests} requests, not {2 * concurrency}.");
        }

        return new RoundResult(side.Name, round, concurrency, requests, elapsed,
            server.Connections.Accepted - connectionsBefore, allocated, gc);
    }
}
