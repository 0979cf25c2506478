using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dentally.NexGen.Client.Benchmarks.Baseline;
using Dentally.NexGen.Client.Benchmarks.Peers;
using Dentally.NexGen.Client.Benchmarks.Server;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Benchmarks.Benchmarks;

/// <summary>
/// Each SDK call beside its peers, per scenario, over real HTTP to the loopback server: the floor
/// (<see cref="RawNexGenApi"/>: raw HttpClient and Newtonsoft.Json into the SDK's DTOs, the baseline,
/// so Ratio and Alloc Ratio read "/ floor"), raw HttpClient and Newtonsoft.Json into plain DTOs of its
/// own (<see cref="PlainDtoApi"/>), and NSwag's default client generated from the same spec
/// (<see cref="NSwagDefaultPeer"/>).
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalSetup] creates the clients, [GlobalCleanup] disposes them.")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SdkVsPeersBenchmarks
{
    private const string PatientSearch = "Patient search (page of 20)";
    private const string AppointmentTypes = "Appointment types (3)";
    private const string CreateAppointment = "Create appointment";
    private const string Booking = "Booking (peers: 3 requests; SDK: 2, warm type cache)";

    private LoopbackApi _server = null!;
    private NexGenClient _client = null!;
    private BookingWorkflow _workflow = null!;
    private RawNexGenApi _raw = null!;
    private RawBooking _rawBooking = null!;
    private PlainDtoApi _plain = null!;
    private NSwagDefaultPeer _nswag = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackApi.StartAsync();
        _client = new NexGenClient(new NexGenClientOptions
        {
            BaseAddress = _server.BaseAddress,
            OrganizationId = SpecExamples.OrganizationId,
            PracticeId = SpecExamples.PracticeId,
            Token = SpecExamples.Token,
        });
        _workflow = new BookingWorkflow(_client, new AppointmentTypeCache());
        _raw = new RawNexGenApi(_server.BaseAddress);
        _rawBooking = new RawBooking(_raw);
        _plain = new PlainDtoApi(_server.BaseAddress);
        _nswag = new NSwagDefaultPeer(_server.BaseAddress);
        await ScenarioChecks.RunAsync(this);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        _plain.Dispose();
        _nswag.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(PatientSearch)]
    public Task<PatientPage> RawSearchPatients() => _raw.SearchPatientsAsync(SpecExamples.SearchQuery, page: 1, pageSize: 20, CancellationToken.None);

    [Benchmark, BenchmarkCategory(PatientSearch)]
    public Task<PlainPatientPage> PlainDtoSearchPatients() => _plain.SearchPatientsAsync(SpecExamples.SearchQuery, pageSize: 20);

    [Benchmark, BenchmarkCategory(PatientSearch)]
    public Task<NSwagDefault.PatientPage> NSwagDefaultSearchPatients() => _nswag.SearchPatientsAsync(SpecExamples.SearchQuery, pageSize: 20);

    [Benchmark, BenchmarkCategory(PatientSearch)]
    public Task<PatientPage> SdkSearchPatients() => _client.Patients.SearchAsync(SpecExamples.SearchQuery, page: 1, pageSize: 20);

    [Benchmark(Baseline = true), BenchmarkCategory(AppointmentTypes)]
    public Task<AppointmentTypeList> RawListAppointmentTypes() => _raw.ListAppointmentTypesAsync(CancellationToken.None);

    [Benchmark, BenchmarkCategory(AppointmentTypes)]
    public Task<PlainAppointmentTypeList> PlainDtoListAppointmentTypes() => _plain.ListAppointmentTypesAsync();

    [Benchmark, BenchmarkCategory(AppointmentTypes)]
    public Task<NSwagDefault.AppointmentTypeList> NSwagDefaultListAppointmentTypes() => _nswag.ListAppointmentTypesAsync();

    [Benchmark, BenchmarkCategory(AppointmentTypes)]
    public Task<AppointmentTypeList> SdkListAppointmentTypes() => _client.AppointmentTypes.ListAsync();

    [Benchmark(Baseline = true), BenchmarkCategory(CreateAppointment)]
    public Task<Appointment> RawCreateAppointment() => _raw.CreateAppointmentAsync(RawAppointment(), Guid.NewGuid().ToString(), CancellationToken.None);

    [Benchmark, BenchmarkCategory(CreateAppointment)]
    public Task<PlainAppointment> PlainDtoCreateAppointment() => _plain.CreateAppointmentAsync(SameBody<PlainAppointmentCreate>.Value);

    [Benchmark, BenchmarkCategory(CreateAppointment)]
    public Task<NSwagDefault.Appointment> NSwagDefaultCreateAppointment() => _nswag.CreateAppointmentAsync(SameBody<NSwagDefault.AppointmentCreate>.Value);

    [Benchmark, BenchmarkCategory(CreateAppointment)]
    public Task<Appointment> SdkCreateAppointment() => _client.Appointments.CreateAsync(SpecExamples.NewAppointment());

    [Benchmark(Baseline = true), BenchmarkCategory(Booking)]
    public Task<Appointment> RawBook() => _rawBooking.BookAsync(SpecExamples.BookingRequest(), CancellationToken.None);

    [Benchmark, BenchmarkCategory(Booking)]
    public Task<PlainAppointment> PlainDtoBook() => _plain.BookAsync(SpecExamples.BookingRequest());

    [Benchmark, BenchmarkCategory(Booking)]
    public Task<NSwagDefault.Appointment> NSwagDefaultBook() => _nswag.BookAsync(SpecExamples.BookingRequest());

    [Benchmark, BenchmarkCategory(Booking)]
    public Task<BookingResult> SdkBook() => _workflow.BookAsync(SpecExamples.BookingRequest());

    internal LoopbackApi Server => _server;

    /// <summary>The spec's AppointmentCreateNewPatientExam body, as the SDK builds it from <see cref="SpecExamples.NewAppointment"/>.</summary>
    internal static AppointmentCreate RawAppointment() => new()
    {
        PatientUuid = SpecExamples.JaneSmith,
        AppointmentTypeUuid = SpecExamples.NewPatientExam,
        LocationUuid = SpecExamples.MainStreetDental,
        ProviderUuid = SpecExamples.DrChen,
        ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
        ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        Notes = SpecExamples.Notes,
    };

    /// <summary><see cref="RawAppointment"/> as a peer's own request type, converted once through its JSON.</summary>
    internal static class SameBody<T>
    {
        public static readonly T Value = JsonConvert.DeserializeObject<T>(JsonConvert.SerializeObject(RawAppointment()))!;
    }
}
