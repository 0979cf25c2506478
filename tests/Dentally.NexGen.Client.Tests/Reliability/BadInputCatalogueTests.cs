using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// Invalid inputs across options, operations and the workflow: each rejected before anything is sent
/// (the sandbox receives nothing), naming the parameter or option.
/// </summary>
public sealed class BadInputCatalogueTests : IAsyncLifetime
{
    private static readonly DateTime Nine = new(2025, 5, 20, 9, 0, 0);
    private static readonly Guid Site = SandboxSeed.MainStreetDental;
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public static TheoryData<string, string, Func<NexGenClient, Task>> Calls() => new()
    {
        { "empty site uuid", "siteUuid", c => c.Sites.GetAsync(Guid.Empty) },
        { "page_size 0", "pageSize", c => c.Sites.ListAsync(pageSize: 0) },
        { "page_size 101", "pageSize", c => c.Patients.SearchAsync("Smith", pageSize: 101) },
        { "page 0", "page", c => c.Appointments.ListAsync(page: 0) },
        { "page_size 0 when walking pages", "pageSize", c => c.Sites.ListAllAsync(pageSize: 0).ToListAsync().AsTask() },
        { "blank search", "query", c => c.Patients.SearchAsync("   ") },
        { "search text over 200 characters", "query", c => c.Patients.SearchAsync(new string('q', 201)) },
        { "search text over 200 characters when walking pages", "query", c => c.Patients.SearchAllAsync(new string('q', 201)).ToListAsync().AsTask() },
        { "empty patient uuid", "patientUuid", c => c.Patients.GetAsync(Guid.Empty) },
        { "patient without a last name", "patient.LastName", c => c.Patients.CreateAsync(new PatientCreate { FirstName = "Jane", LastName = " ", DateOfBirth = new DateTime(1986, 4, 12) }) },
        { "patient without a date of birth", "patient.DateOfBirth", c => c.Patients.CreateAsync(new PatientCreate { FirstName = "Jane", LastName = "Smith" }) },
        { "idempotency key of 256 characters", "idempotencyKey", c => c.Patients.CreateAsync(new PatientCreate { FirstName = "J", LastName = "S", DateOfBirth = Nine.Date }, new string('k', 256)) },
        { "idempotency key with a line break", "idempotencyKey", c => c.Appointments.CreateAsync(Bodies.GuideAppointment(), "key\nsplit") },
        { "idempotency key with a leading space", "idempotencyKey", c => c.Appointments.CreateAsync(Bodies.GuideAppointment(), " key") },
        { "idempotency key with a trailing tab", "idempotencyKey", c => c.Appointments.CreateAsync(Bodies.GuideAppointment(), "key\t") },
        { "idempotency key with a trailing space", "idempotencyKey", c => c.Appointments.CreateAsync(Bodies.GuideAppointment(), "key ") },
        { "empty idempotency key", "idempotencyKey", c => c.Appointments.CreateAsync(Bodies.GuideAppointment(), "") },
        { "empty location for providers", "locationUuid", c => c.Providers.ListAsync(Guid.Empty) },
        { "empty appointment type uuid", "appointment.AppointmentTypeUuid", c => c.Appointments.CreateAsync(With(a => a.AppointmentTypeUuid = Guid.Empty)) },
        { "end before start", "appointment.ScheduledEnd", c => c.Appointments.CreateAsync(With(a => a.ScheduledEnd = a.ScheduledStart.AddMinutes(-1))) },
        { "start of kind Local", "appointment.ScheduledStart", c => c.Appointments.CreateAsync(With(a => a.ScheduledStart = DateTime.SpecifyKind(a.ScheduledStart, DateTimeKind.Local))) },
        { "end of kind Utc", "appointment.ScheduledEnd", c => c.Appointments.CreateAsync(With(a => a.ScheduledEnd = DateTime.SpecifyKind(a.ScheduledEnd, DateTimeKind.Utc))) },
        { "sub-second start", "appointment.ScheduledStart", c => c.Appointments.CreateAsync(With(a => a.ScheduledStart = a.ScheduledStart.AddTicks(1))) },
        { "notes over 2000 characters", "appointment.Notes", c => c.Appointments.CreateAsync(With(a => a.Notes = new string('n', 2001))) },
        { "move with only a start", "changes", c => c.Appointments.UpdateAsync(Site, new AppointmentChanges { ScheduledStart = Nine }) },
        { "update that changes nothing", "changes", c => c.Appointments.UpdateAsync(Site, new AppointmentChanges()) },
        { "undefined status", "status", c => c.Appointments.ChangeStatusAsync(Site, (StatusChangeTarget)7) },
        { "cancel reason over 500 characters", "reason", c => c.Appointments.CancelAsync(Site, new string('r', 501)) },
        { "list window to before from", "query.To", c => c.Appointments.ListAsync(new AppointmentQuery { From = Nine, To = Nine.AddHours(-2) }) },
        { "list from of kind Utc", "query.From", c => c.Appointments.ListAsync(new AppointmentQuery { From = DateTime.UtcNow }) },
        { "availability to before from", "to", c => c.Schedule.GetAvailabilityAsync(Site, SandboxSeed.NewPatientExam, Nine, Nine) },
        { "availability window over 31 days", "to", c => c.Schedule.GetAvailabilityAsync(Site, SandboxSeed.NewPatientExam, Nine, Nine.AddDays(32)) },
        { "availability from of kind Local", "from", c => c.Schedule.GetAvailabilityAsync(Site, SandboxSeed.NewPatientExam, DateTime.Now, DateTime.Now.AddHours(1)) },
        { "workflow with both patient uuid and query", "request.PatientQuery", c => Book(c, r => r.PatientUuid = SandboxSeed.JaneSmith) },
        { "workflow with no patient", "request.PatientQuery", c => Book(c, r => r.PatientQuery = null) },
        { "workflow with a patient query over 200 characters", "request.PatientQuery", c => Book(c, r => r.PatientQuery = new string('q', 201)) },
        { "workflow with both type code and uuid", "request.AppointmentTypeCode", c => Book(c, r => r.AppointmentTypeUuid = SandboxSeed.NewPatientExam) },
        { "workflow with a blank type code", "request.AppointmentTypeCode", c => Book(c, r => r.AppointmentTypeCode = " ") },
        { "workflow with an empty location", "request.LocationUuid", c => Book(c, r => r.LocationUuid = Guid.Empty) },
        { "workflow start of kind Utc", "request.Start", c => Book(c, r => r.Start = DateTime.SpecifyKind(Nine, DateTimeKind.Utc)) },
        { "workflow end before start", "request.End", c => Book(c, r => r.End = Nine.AddMinutes(-30)) },
        { "workflow with 51 rebook attempts", "request.Rebooking.MaxRebookAttempts", c => Book(c, r => r.Rebooking.MaxRebookAttempts = 51) },
        { "workflow window over 31 days", "request.Rebooking.MaxDelay", c => Book(c, r => r.Rebooking.MaxDelay = TimeSpan.FromDays(40)) },
        { "workflow create-if-missing with a patient uuid", "request.CreatePatientIfMissing", c => Book(c, r => { r.PatientUuid = SandboxSeed.JaneSmith; r.PatientQuery = null; r.CreatePatientIfMissing = new PatientCreate(); }) },
    };

    public static TheoryData<string, string, Action<NexGenClientOptions>> Options() => new()
    {
        { "relative base address", "NexGenClientOptions.BaseAddress", o => o.BaseAddress = new Uri("api/v1", UriKind.Relative) },
        { "http to a non-loopback host", "NexGenClientOptions.BaseAddress", o => o.BaseAddress = new Uri("http://api.example.com") },
        { "empty token", "NexGenClientOptions.Token", o => o.Token = "" },
        { "blank organisation", "NexGenClientOptions.OrganizationId", o => o.OrganizationId = "  " },
        { "missing practice", "NexGenClientOptions.PracticeId", o => o.PracticeId = null },
        { "negative attempt timeout", "NexGenClientOptions.AttemptTimeout", o => o.AttemptTimeout = TimeSpan.FromSeconds(-1) },
        { "zero type cache duration", "NexGenClientOptions.AppointmentTypeCacheDuration", o => o.AppointmentTypeCacheDuration = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_bad_call_is_rejected_before_any_request(string input, string parameter, Func<NexGenClient, Task> call)
    {
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(client));

        Assert.True(parameter == error.ParamName, $"{input}: expected parameter {parameter}, got {error.ParamName}");
        Assert.Empty(_sandbox.ReceivedRequests);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void A_bad_option_is_rejected_before_any_request(string input, string option, Action<NexGenClientOptions> change)
    {
        var options = _sandbox.CreateOptions().OnTestClock();
        change(options);

        var error = Assert.Throws<ArgumentException>(() => new NexGenClient(options));

        Assert.True(error.Message.Contains(option, StringComparison.Ordinal), $"{input}: {error.Message}");
        Assert.Empty(_sandbox.ReceivedRequests);
    }

    [Fact]
    public void The_catalogue_has_at_least_thirty_inputs() => Assert.True(Calls().Count + Options().Count >= 30);

    [Fact]
    public async Task A_search_text_of_exactly_the_contracts_maximum_length_is_sent()
    {
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());

        var page = await client.Patients.SearchAsync(new string('q', 200));

        Assert.Empty(page.Items);
        Assert.Single(_sandbox.ReceivedRequests, r => r.Path.EndsWith("/patients", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_well_formed_but_unknown_type_code_costs_one_type_lookup_and_never_a_POST()
    {
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());

        await Assert.ThrowsAsync<AppointmentTypeUnavailableException>(() => Book(client, r => r.AppointmentTypeCode = "XYZ"));

        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "POST");
        Assert.Single(_sandbox.ReceivedRequests, r => r.Path.EndsWith("/appointment-types", StringComparison.Ordinal));
    }

    private static Task<BookingResult> Book(NexGenClient client, Action<BookingRequest> change)
    {
        var request = new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = Nine,
        };
        change(request);
        return new BookingWorkflow(client).BookAsync(request);
    }

    private static NewAppointment With(Action<NewAppointment> change)
    {
        var appointment = Bodies.GuideAppointment();
        change(appointment);
        return appointment;
    }
}
