using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dentally.NexGen.Client.Benchmarks.Baseline;
using Dentally.NexGen.Client.Benchmarks.Peers;
using Dentally.NexGen.Client.Benchmarks.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Dentally.NexGen.Client.Benchmarks.Benchmarks;

/// <summary>
/// Where the SDK's cost over the floor goes, one layer at a time and without changing the SDK, over
/// the in-memory transport (<see cref="InMemoryApi"/>) so only client work is measured:
/// the generated client over a plain HttpClient (generated code only); the whole SDK as
/// <c>new NexGenClient(options, transport)</c> builds it (plus its pipeline: user agent, Polly
/// resilience, token, telemetry, bounded body read); the SDK resolved from DI per call in a scope (plus a scope
/// and the lookups of the singleton client and workflow). Each row minus
/// the one above is that layer's cost.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalSetup] creates the clients, [GlobalCleanup] disposes them.")]
public class SdkLayerBenchmarks
{
    private const string Search = "In memory: patient search (20)";
    private const string Booking = "In memory: booking (peers 3 requests, SDK 2 on its warm cache)";
    private const string Types = "In memory: appointment types";
    private const string Create = "In memory: create appointment";
    private static readonly Uri BaseAddress = new("http://127.0.0.1/");

    private RawNexGenApi _raw = null!;
    private RawBooking _rawBooking = null!;
    private HttpClient _plainHttp = null!;
    private PatientsClient _generated = null!;
    private NexGenClient _client = null!;
    private BookingWorkflow _workflow = null!;
    private ServiceProvider _services = null!;
    private NSwagDefaultPeer _nswag = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _raw = new RawNexGenApi(BaseAddress, new InMemoryApi());
        _rawBooking = new RawBooking(_raw);

        _nswag = new NSwagDefaultPeer(BaseAddress, new InMemoryApi());
        _plainHttp = new HttpClient(new InMemoryApi()) { BaseAddress = BaseAddress };
        _plainHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SpecExamples.Token);
        _generated = new PatientsClient(_plainHttp);

        var options = new NexGenClientOptions
        {
            BaseAddress = BaseAddress,
            OrganizationId = SpecExamples.OrganizationId,
            PracticeId = SpecExamples.PracticeId,
            Token = SpecExamples.Token,
        };
        _client = new NexGenClient(options, new InMemoryApi());
        _workflow = new BookingWorkflow(_client, new AppointmentTypeCache());
        await _workflow.BookAsync(SpecExamples.BookingRequest()); // fills the type cache

        var services = new ServiceCollection();
        services.AddNexGenClient(o =>
        {
            o.BaseAddress = options.BaseAddress;
            o.OrganizationId = options.OrganizationId;
            o.PracticeId = options.PracticeId;
            o.Token = options.Token;
        }).ConfigurePrimaryHttpMessageHandler(() => new InMemoryApi());
        _services = services.BuildServiceProvider();
        await SdkDiBookPerScope(); // fills the DI container's shared type cache
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        _plainHttp.Dispose();
        _raw.Dispose();
        _nswag.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Search)]
    public Task<PatientPage> RawSearch() => _raw.SearchPatientsAsync(SpecExamples.SearchQuery, page: 1, pageSize: 20, CancellationToken.None);

    [Benchmark, BenchmarkCategory(Search)]
    public Task<PatientPage> GeneratedClientSearch() => _generated.SearchPatientsAsync(SpecExamples.OrganizationId, SpecExamples.PracticeId, SpecExamples.SearchQuery, 1, 20);

    [Benchmark, BenchmarkCategory(Search)]
    public Task<NSwagDefault.PatientPage> NSwagDefaultSearch() => _nswag.SearchPatientsAsync(SpecExamples.SearchQuery, pageSize: 20);

    [Benchmark, BenchmarkCategory(Search)]
    public Task<PatientPage> SdkSearch() => _client.Patients.SearchAsync(SpecExamples.SearchQuery, page: 1, pageSize: 20);

    [Benchmark, BenchmarkCategory(Search)]
    public async Task<PatientPage> SdkDiSearchPerScope()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NexGenClient>().Patients.SearchAsync(SpecExamples.SearchQuery, page: 1, pageSize: 20);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Types)]
    public Task<NSwagDefault.AppointmentTypeList> NSwagDefaultTypes() => _nswag.ListAppointmentTypesAsync();

    [Benchmark, BenchmarkCategory(Types)]
    public Task<AppointmentTypeList> SdkTypes() => _client.AppointmentTypes.ListAsync();

    [Benchmark(Baseline = true), BenchmarkCategory(Create)]
    public Task<NSwagDefault.Appointment> NSwagDefaultCreate() => _nswag.CreateAppointmentAsync(SdkVsPeersBenchmarks.SameBody<NSwagDefault.AppointmentCreate>.Value);

    [Benchmark, BenchmarkCategory(Create)]
    public Task<Appointment> SdkCreate() => _client.Appointments.CreateAsync(SpecExamples.NewAppointment());

    [Benchmark(Baseline = true), BenchmarkCategory(Booking)]
    public Task<Appointment> RawBook() => _rawBooking.BookAsync(SpecExamples.BookingRequest(), CancellationToken.None);

    [Benchmark, BenchmarkCategory(Booking)]
    public Task<NSwagDefault.Appointment> NSwagDefaultBook() => _nswag.BookAsync(SpecExamples.BookingRequest());

    [Benchmark, BenchmarkCategory(Booking)]
    public Task<BookingResult> SdkBook() => _workflow.BookAsync(SpecExamples.BookingRequest());

    [Benchmark, BenchmarkCategory(Booking)]
    public async Task<BookingResult> SdkDiBookPerScope()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BookingWorkflow>().BookAsync(SpecExamples.BookingRequest());
    }
}
