using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dentally.NexGen.Client.Benchmarks.Baseline;
using Dentally.NexGen.Client.Benchmarks.Server;

namespace Dentally.NexGen.Client.Benchmarks.Benchmarks;

/// <summary>
/// Each SDK call against its hand-written baseline (<see cref="RawNexGenApi"/>), per scenario, over
/// real HTTP to the loopback server. The baseline of each category is the raw call, so the Ratio and
/// Alloc Ratio columns read "SDK / floor".
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalSetup] creates the clients, [GlobalCleanup] disposes them.")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SdkVsRawBenchmarks
{
    private const string PatientSearch = "Patient search (page of 20)";
    private const string AppointmentTypes = "Appointment types (3)";
    private const string CreateAppointment = "Create appointment";
    private const string Booking = "Booking, warm type cache";

    private LoopbackApi _server = null!;
    private NexGenClient _client = null!;
    private BookingWorkflow _workflow = null!;
    private RawNexGenApi _raw = null!;
    private RawBooking _rawBooking = null!;

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
        _rawBooking = new RawBooking(_raw, (await _raw.ListAppointmentTypesAsync(CancellationToken.None)).Items.ToList());
        await ScenarioChecks.RunAsync(this);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(PatientSearch)]
    public Task<PatientPage> RawSearchPatients() => _raw.SearchPatientsAsync(SpecExamples.SearchQuery, page: 1, pageSize: 20, CancellationToken.None);

    [Benchmark, BenchmarkCategory(PatientSearch)]
    public Task<PatientPage> SdkSearchPatients() => _client.Patients.SearchAsync(SpecExamples.SearchQuery, page: 1, pageSize: 20);

    [Benchmark(Baseline = true), BenchmarkCategory(AppointmentTypes)]
    public Task<AppointmentTypeList> RawListAppointmentTypes() => _raw.ListAppointmentTypesAsync(CancellationToken.None);

    [Benchmark, BenchmarkCategory(AppointmentTypes)]
    public Task<AppointmentTypeList> SdkListAppointmentTypes() => _client.AppointmentTypes.ListAsync();

    [Benchmark(Baseline = true), BenchmarkCategory(CreateAppointment)]
    public Task<Appointment> RawCreateAppointment() => _raw.CreateAppointmentAsync(RawAppointment(), Guid.NewGuid().ToString(), CancellationToken.None);

    [Benchmark, BenchmarkCategory(CreateAppointment)]
    public Task<Appointment> SdkCreateAppointment() => _client.Appointments.CreateAsync(SpecExamples.NewAppointment());

    [Benchmark(Baseline = true), BenchmarkCategory(Booking)]
    public Task<Appointment> RawBook() => _rawBooking.BookAsync(SpecExamples.BookingRequest(), CancellationToken.None);

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
        ScheduledStart = "2025-05-20T10:00:00",
        ScheduledEnd = "2025-05-20T11:00:00",
        Notes = SpecExamples.Notes,
    };
}
