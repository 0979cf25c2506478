using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Dentally.NexGen.Client.Benchmarks.Baseline;
using Dentally.NexGen.Client.Benchmarks.Peers;
using Dentally.NexGen.Client.Benchmarks.Sdk;
using Dentally.NexGen.Client.Benchmarks.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Dentally.NexGen.Client.Benchmarks.Benchmarks;

/// <summary>
/// 500 bookings at once against the loopback server: through one DI-registered SDK client (the
/// <see cref="BookingWorkflow"/> resolved per booking, a warm type cache: 2 requests each), through
/// one raw HttpClient with Newtonsoft.Json (<see cref="RawBooking"/>, the baseline), through NSwag's
/// default client (<see cref="NSwagDefaultPeer"/>: generated code alone, no pipeline), and the peers'
/// three requests chained through the plain SDK client (<see cref="ChainedSdkBooking"/>). The peers have
/// no type cache: 3 requests each. With <c>OperationsPerInvoke</c> the Mean is per booking, so
/// bookings per second are 1 / Mean and the Ratio column is time per booking over the raw one.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalSetup] creates the clients, [GlobalCleanup] disposes them.")]
public class ConcurrentBookingBenchmarks
{
    internal const int Concurrency = 500;

    private LoopbackApi _server = null!;
    private ServiceProvider _services = null!;
    private RawNexGenApi _raw = null!;
    private RawBooking _rawBooking = null!;
    private NSwagDefaultPeer _nswag = null!;
    private ChainedSdkBooking _chained = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackApi.StartAsync();
        var services = new ServiceCollection();
        services.AddNexGenClient(options =>
        {
            options.BaseAddress = _server.BaseAddress;
            options.OrganizationId = SpecExamples.OrganizationId;
            options.PracticeId = SpecExamples.PracticeId;
            options.Token = SpecExamples.Token;
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _raw = new RawNexGenApi(_server.BaseAddress);
        _rawBooking = new RawBooking(_raw);
        _nswag = new NSwagDefaultPeer(_server.BaseAddress);
        _chained = new ChainedSdkBooking(_services.GetRequiredService<NexGenClient>());

        // The first booking fills the shared type cache (3 requests): every timed SDK booking is the warm
        // case of 2 requests, every peer's (and the chained SDK calls') 3, which a round of each checks here.
        await _services.GetRequiredService<BookingWorkflow>().BookAsync(SpecExamples.BookingRequest());
        var served = _server.Requests.Total;
        await SdkBookings();
        await RawBookings();
        await NSwagDefaultBookings();
        await SdkChainedRequests();
        if (_server.Requests.Total - served != (2L + 3 + 3 + 3) * Concurrency)
        {
            throw new InvalidOperationException($"Scenario check failed: {Concurrency} bookings per side should make 2 requests each through the workflow, 3 otherwise ({_server.Requests.Total - served} served).");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        _nswag.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public Task RawBookings() => AllAtOnce(() => _rawBooking.BookAsync(SpecExamples.BookingRequest(), CancellationToken.None));

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task NSwagDefaultBookings() => AllAtOnce(() => _nswag.BookAsync(SpecExamples.BookingRequest()));

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task SdkChainedRequests() => AllAtOnce(() => _chained.BookAsync(SpecExamples.BookingRequest()));

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task SdkBookings() => AllAtOnce(() => _services.GetRequiredService<BookingWorkflow>().BookAsync(SpecExamples.BookingRequest()));

    internal static Task AllAtOnce(Func<Task> booking)
    {
        var bookings = new Task[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            bookings[i] = booking();
        }

        return Task.WhenAll(bookings);
    }
}
