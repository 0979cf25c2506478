using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// Every public operation, its <c>…WithResponseAsync</c> twin and its paging walk refuses each input the
/// contract rules out with an <see cref="ArgumentException"/> naming the parameter, before anything
/// happens: no request, no token fetched. The message never quotes a value that may be patient data.
/// The bounds are the contract's (<see cref="ContractNumbers"/>, read from the spec at build time).
/// </summary>
public sealed class RefusedBeforeSendingTests
{
    /// <summary>Stands for patient data in a refused value: no message may quote it.</summary>
    private const string Patient = "Zebedee";

    private static readonly Guid Id = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");
    private static readonly DateTime Nine = new(2025, 5, 20, 9, 0, 0);
    private static readonly DateTime NineUtc = DateTime.SpecifyKind(Nine, DateTimeKind.Utc);
    private static readonly DateTime NineLocal = DateTime.SpecifyKind(Nine, DateTimeKind.Local);
    private static readonly string TooLongQuery = Patient + new string('q', ContractNumbers.SearchPatientsQueryMaxLength + 1 - Patient.Length);
    private static readonly string TooLongNotes = Patient + new string('n', ContractNumbers.AppointmentCreateNotesMaxLength + 1 - Patient.Length);
    private static readonly string TooLongKey = new('k', ContractNumbers.IdempotencyKeyMaxLength + 1);

    public static TheoryData<string, string, Func<NexGenClient, Task>> BadCalls() => new()
    {
        { "Sites.ListAsync", "page", c => c.Sites.ListAsync(page: ContractNumbers.PageMinimum - 1) },
        { "Sites.ListAsync", "page", c => c.Sites.ListAsync(page: -1) },
        { "Sites.ListAsync", "pageSize", c => c.Sites.ListAsync(pageSize: ContractNumbers.PageSizeMinimum - 1) },
        { "Sites.ListAsync", "pageSize", c => c.Sites.ListAsync(pageSize: -1) },
        { "Sites.ListAsync", "pageSize", c => c.Sites.ListAsync(pageSize: ContractNumbers.PageSizeMaximum + 1) },
        { "Sites.ListWithResponseAsync", "page", c => c.Sites.ListWithResponseAsync(page: 0) },
        { "Sites.ListWithResponseAsync", "pageSize", c => c.Sites.ListWithResponseAsync(pageSize: ContractNumbers.PageSizeMaximum + 1) },
        { "Sites.ListAllAsync", "pageSize", c => NothingSentHarness.WalkAsync(c.Sites.ListAllAsync(pageSize: 0)) },
        { "Sites.ListAllAsync", "pageSize", c => NothingSentHarness.WalkAsync(c.Sites.ListAllAsync(pageSize: ContractNumbers.PageSizeMaximum + 1)) },
        { "Sites.GetAsync", "siteUuid", c => c.Sites.GetAsync(Guid.Empty) },
        { "Sites.GetWithResponseAsync", "siteUuid", c => c.Sites.GetWithResponseAsync(Guid.Empty) },

        { "Patients.SearchAsync", "query", c => c.Patients.SearchAsync(string.Empty) },
        { "Patients.SearchAsync", "query", c => c.Patients.SearchAsync(" \t") },
        { "Patients.SearchAsync", "query", c => c.Patients.SearchAsync(TooLongQuery) },
        { "Patients.SearchAsync", "page", c => c.Patients.SearchAsync("Smith", page: 0) },
        { "Patients.SearchAsync", "pageSize", c => c.Patients.SearchAsync("Smith", pageSize: ContractNumbers.PageSizeMaximum + 1) },
        { "Patients.SearchWithResponseAsync", "query", c => c.Patients.SearchWithResponseAsync(TooLongQuery) },
        { "Patients.SearchWithResponseAsync", "pageSize", c => c.Patients.SearchWithResponseAsync(null, pageSize: 0) },
        { "Patients.SearchAllAsync", "query", c => NothingSentHarness.WalkAsync(c.Patients.SearchAllAsync(TooLongQuery)) },
        { "Patients.SearchAllAsync", "query", c => NothingSentHarness.WalkAsync(c.Patients.SearchAllAsync(string.Empty)) },
        { "Patients.SearchAllAsync", "pageSize", c => NothingSentHarness.WalkAsync(c.Patients.SearchAllAsync("Smith", pageSize: ContractNumbers.PageSizeMaximum + 1)) },
        { "Patients.GetAsync", "patientUuid", c => c.Patients.GetAsync(Guid.Empty) },
        { "Patients.GetWithResponseAsync", "patientUuid", c => c.Patients.GetWithResponseAsync(Guid.Empty) },
        { "Patients.CreateAsync", "patient", c => c.Patients.CreateAsync(null!) },
        { "Patients.CreateAsync", "patient.FirstName", c => c.Patients.CreateAsync(Bodies.Jane(p => p.FirstName = null!)) },
        { "Patients.CreateAsync", "patient.FirstName", c => c.Patients.CreateAsync(Bodies.Jane(p => p.FirstName = " ")) },
        { "Patients.CreateAsync", "patient.LastName", c => c.Patients.CreateAsync(Bodies.Jane(p => p.LastName = string.Empty)) },
        { "Patients.CreateAsync", "patient.DateOfBirth", c => c.Patients.CreateAsync(Bodies.Jane(p => p.DateOfBirth = default)) },
        { "Patients.CreateAsync", "patient.DateOfBirth", c => c.Patients.CreateAsync(Bodies.Jane(p => p.DateOfBirth = new DateTime(1986, 4, 11, 23, 0, 0, DateTimeKind.Utc))) },
        { "Patients.CreateAsync", "patient.Email", c => c.Patients.CreateAsync(Bodies.Jane(p => p.Email = Patient + ".smith.example.com")) },
        { "Patients.CreateAsync", "patient.Email", c => c.Patients.CreateAsync(Bodies.Jane(p => p.Email = Patient + "@")) },
        { "Patients.CreateAsync", "patient.Email", c => c.Patients.CreateAsync(Bodies.Jane(p => p.Email = "@" + Patient + ".example.com")) },
        { "Patients.CreateAsync", "patient.Email", c => c.Patients.CreateAsync(Bodies.Jane(p => p.Email = Patient + " smith@example.com")) },
        { "Patients.CreateAsync", "patient.Email", c => c.Patients.CreateAsync(Bodies.Jane(p => p.Email = string.Empty)) },
        { "Patients.CreateAsync", "patient.PreferredProviderUuid", c => c.Patients.CreateAsync(Bodies.Jane(p => p.PreferredProviderUuid = Guid.Empty)) },
        { "Patients.CreateAsync", "idempotencyKey", c => c.Patients.CreateAsync(Bodies.Jane(), string.Empty) },
        { "Patients.CreateAsync", "idempotencyKey", c => c.Patients.CreateAsync(Bodies.Jane(), TooLongKey) },
        { "Patients.CreateAsync", "idempotencyKey", c => c.Patients.CreateAsync(Bodies.Jane(), "key\r\nX-Practice-Id: other") },
        { "Patients.CreateAsync", "idempotencyKey", c => c.Patients.CreateAsync(Bodies.Jane(), " key") },
        { "Patients.CreateAsync", "idempotencyKey", c => c.Patients.CreateAsync(Bodies.Jane(), "key\t") },
        { "Patients.CreateAsync", "idempotencyKey", c => c.Patients.CreateAsync(Bodies.Jane(), "key\0") },
        { "Patients.CreateAsync", "idempotencyKey", c => c.Patients.CreateAsync(Bodies.Jane(), "clé-8841") },
        { "Patients.CreateWithResponseAsync", "patient.LastName", c => c.Patients.CreateWithResponseAsync(Bodies.Jane(p => p.LastName = "\t")) },
        { "Patients.CreateWithResponseAsync", "idempotencyKey", c => c.Patients.CreateWithResponseAsync(Bodies.Jane(), TooLongKey) },

        { "Providers.ListAsync", "locationUuid", c => c.Providers.ListAsync(Guid.Empty) },
        { "Providers.ListWithResponseAsync", "locationUuid", c => c.Providers.ListWithResponseAsync(Guid.Empty) },

        { "Appointments.CreateAsync", "appointment", c => c.Appointments.CreateAsync(null!) },
        { "Appointments.CreateAsync", "appointment.PatientUuid", c => c.Appointments.CreateAsync(NewAppointment(a => a.PatientUuid = Guid.Empty)) },
        { "Appointments.CreateAsync", "appointment.AppointmentTypeUuid", c => c.Appointments.CreateAsync(NewAppointment(a => a.AppointmentTypeUuid = Guid.Empty)) },
        { "Appointments.CreateAsync", "appointment.LocationUuid", c => c.Appointments.CreateAsync(NewAppointment(a => a.LocationUuid = Guid.Empty)) },
        { "Appointments.CreateAsync", "appointment.ProviderUuid", c => c.Appointments.CreateAsync(NewAppointment(a => a.ProviderUuid = Guid.Empty)) },
        { "Appointments.CreateAsync", "appointment.ScheduledStart", c => c.Appointments.CreateAsync(NewAppointment(a => a.ScheduledStart = NineUtc)) },
        { "Appointments.CreateAsync", "appointment.ScheduledStart", c => c.Appointments.CreateAsync(NewAppointment(a => a.ScheduledStart = NineLocal)) },
        { "Appointments.CreateAsync", "appointment.ScheduledStart", c => c.Appointments.CreateAsync(NewAppointment(a => a.ScheduledStart = Nine.AddMilliseconds(1))) },
        { "Appointments.CreateAsync", "appointment.ScheduledEnd", c => c.Appointments.CreateAsync(NewAppointment(a => a.ScheduledEnd = DateTime.SpecifyKind(a.ScheduledEnd, DateTimeKind.Utc))) },
        { "Appointments.CreateAsync", "appointment.ScheduledEnd", c => c.Appointments.CreateAsync(NewAppointment(a => a.ScheduledEnd = a.ScheduledStart)) },
        { "Appointments.CreateAsync", "appointment.ScheduledEnd", c => c.Appointments.CreateAsync(NewAppointment(a => a.ScheduledEnd = a.ScheduledStart.AddHours(-1))) },
        { "Appointments.CreateAsync", "appointment.Notes", c => c.Appointments.CreateAsync(NewAppointment(a => a.Notes = TooLongNotes)) },
        { "Appointments.CreateAsync", "idempotencyKey", c => c.Appointments.CreateAsync(NewAppointment(), TooLongKey) },
        { "Appointments.CreateAsync", "idempotencyKey", c => c.Appointments.CreateAsync(NewAppointment(), "booking-8841\n") },
        { "Appointments.CreateAsync", "idempotencyKey", c => c.Appointments.CreateAsync(NewAppointment(), "réservation-8841") },
        { "Appointments.CreateAsync", "appointment.ScheduledStart", c => c.Appointments.CreateAsync(NewAppointment(a => a.ScheduledStart = default)) },
        { "Appointments.CreateWithResponseAsync", "appointment.ScheduledStart", c => c.Appointments.CreateWithResponseAsync(NewAppointment(a => a.ScheduledStart = NineLocal)) },
        { "Appointments.CreateWithResponseAsync", "idempotencyKey", c => c.Appointments.CreateWithResponseAsync(NewAppointment(), string.Empty) },
        { "Appointments.ListAsync", "query.PatientUuid", c => c.Appointments.ListAsync(new AppointmentQuery { PatientUuid = Guid.Empty }) },
        { "Appointments.ListAsync", "query.ProviderUuid", c => c.Appointments.ListAsync(new AppointmentQuery { ProviderUuid = Guid.Empty }) },
        { "Appointments.ListAsync", "query.LocationUuid", c => c.Appointments.ListAsync(new AppointmentQuery { LocationUuid = Guid.Empty }) },
        { "Appointments.ListAsync", "query.Status", c => c.Appointments.ListAsync(new AppointmentQuery { Status = string.Empty }) },
        { "Appointments.ListAsync", "query.Status", c => c.Appointments.ListAsync(new AppointmentQuery { Status = " " }) },
        { "Appointments.ListAsync", "query.From", c => c.Appointments.ListAsync(new AppointmentQuery { From = NineUtc }) },
        { "Appointments.ListAsync", "query.To", c => c.Appointments.ListAsync(new AppointmentQuery { To = NineLocal }) },
        { "Appointments.ListAsync", "query.From", c => c.Appointments.ListAsync(new AppointmentQuery { From = NineLocal, To = Nine.AddHours(1) }) },
        { "Appointments.ListAsync", "query.To", c => c.Appointments.ListAsync(new AppointmentQuery { From = Nine, To = Nine }) },
        { "Appointments.ListAsync", "query.To", c => c.Appointments.ListAsync(new AppointmentQuery { From = Nine, To = Nine.AddSeconds(-1) }) },
        { "Appointments.ListAsync", "page", c => c.Appointments.ListAsync(page: 0) },
        { "Appointments.ListAsync", "pageSize", c => c.Appointments.ListAsync(pageSize: ContractNumbers.PageSizeMaximum + 1) },
        { "Appointments.ListWithResponseAsync", "query.To", c => c.Appointments.ListWithResponseAsync(new AppointmentQuery { To = NineUtc }) },
        { "Appointments.ListWithResponseAsync", "pageSize", c => c.Appointments.ListWithResponseAsync(pageSize: 0) },
        { "Appointments.ListAllAsync", "query.PatientUuid", c => NothingSentHarness.WalkAsync(c.Appointments.ListAllAsync(new AppointmentQuery { PatientUuid = Guid.Empty })) },
        { "Appointments.ListAllAsync", "query.From", c => NothingSentHarness.WalkAsync(c.Appointments.ListAllAsync(new AppointmentQuery { From = NineUtc })) },
        { "Appointments.ListAllAsync", "pageSize", c => NothingSentHarness.WalkAsync(c.Appointments.ListAllAsync(pageSize: 0)) },
        { "Appointments.GetAsync", "appointmentUuid", c => c.Appointments.GetAsync(Guid.Empty) },
        { "Appointments.GetWithResponseAsync", "appointmentUuid", c => c.Appointments.GetWithResponseAsync(Guid.Empty) },
        { "Appointments.UpdateAsync", "appointmentUuid", c => c.Appointments.UpdateAsync(Guid.Empty, new AppointmentChanges { Notes = "n" }) },
        { "Appointments.UpdateAsync", "changes", c => c.Appointments.UpdateAsync(Id, null!) },
        { "Appointments.UpdateAsync", "changes", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges()) },
        { "Appointments.UpdateAsync", "changes", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { ScheduledStart = Nine }) },
        { "Appointments.UpdateAsync", "changes", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { ScheduledEnd = Nine }) },
        { "Appointments.UpdateAsync", "changes.Notes", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { Notes = TooLongNotes }) },
        { "Appointments.UpdateAsync", "changes.ScheduledStart", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { ScheduledStart = NineUtc, ScheduledEnd = Nine.AddHours(1) }) },
        { "Appointments.UpdateAsync", "changes.ScheduledEnd", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { ScheduledStart = Nine, ScheduledEnd = Nine }) },
        { "Appointments.UpdateAsync", "changes.ScheduledStart", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { ScheduledStart = default(DateTime), ScheduledEnd = Nine }) },
        { "Appointments.UpdateWithResponseAsync", "changes", c => c.Appointments.UpdateWithResponseAsync(Id, new AppointmentChanges()) },
        { "Appointments.ChangeStatusAsync", "appointmentUuid", c => c.Appointments.ChangeStatusAsync(Guid.Empty, StatusChangeTarget.Confirmed) },
        { "Appointments.ChangeStatusAsync", "status", c => c.Appointments.ChangeStatusAsync(Id, (StatusChangeTarget)42) },
        { "Appointments.ChangeStatusAsync", "status", c => c.Appointments.ChangeStatusAsync(Id, (StatusChangeTarget)(-1)) },
        { "Appointments.ChangeStatusWithResponseAsync", "status", c => c.Appointments.ChangeStatusWithResponseAsync(Id, (StatusChangeTarget)42) },
        { "Appointments.CancelAsync", "appointmentUuid", c => c.Appointments.CancelAsync(Guid.Empty) },
        { "Appointments.CancelAsync", "reason", c => c.Appointments.CancelAsync(Id, Patient + new string('r', ContractNumbers.AppointmentCancelReasonMaxLength)) },
        { "Appointments.CancelWithResponseAsync", "appointmentUuid", c => c.Appointments.CancelWithResponseAsync(Guid.Empty) },

        { "Schedule.GetAvailabilityAsync", "locationUuid", c => c.Schedule.GetAvailabilityAsync(Guid.Empty, Id, Nine, Nine.AddHours(1)) },
        { "Schedule.GetAvailabilityAsync", "appointmentTypeUuid", c => c.Schedule.GetAvailabilityAsync(Id, Guid.Empty, Nine, Nine.AddHours(1)) },
        { "Schedule.GetAvailabilityAsync", "providerUuid", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddHours(1), Guid.Empty) },
        { "Schedule.GetAvailabilityAsync", "from", c => c.Schedule.GetAvailabilityAsync(Id, Id, NineUtc, Nine.AddHours(1)) },
        { "Schedule.GetAvailabilityAsync", "to", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, NineLocal.AddHours(1)) },
        { "Schedule.GetAvailabilityAsync", "to", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddTicks(TimeSpan.TicksPerSecond / 2)) },
        { "Schedule.GetAvailabilityAsync", "to", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine) },
        { "Schedule.GetAvailabilityAsync", "to", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddDays(-1)) },
        { "Schedule.GetAvailabilityAsync", "to", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddDays(ContractNumbers.GetAvailabilityMaximumWindowDays).AddSeconds(1)) },
        { "Schedule.GetAvailabilityWithResponseAsync", "to", c => c.Schedule.GetAvailabilityWithResponseAsync(Id, Id, Nine, Nine.AddDays(ContractNumbers.GetAvailabilityMaximumWindowDays + 1)) },
        { "Schedule.GetAvailabilityWithResponseAsync", "from", c => c.Schedule.GetAvailabilityWithResponseAsync(Id, Id, NineLocal, Nine.AddHours(1)) },

        { "NexGenClient.ForPractice", "organizationId", c => Task.FromResult(c.ForPractice(null!, SdkHarness.Practice)) },
        { "NexGenClient.ForPractice", "organizationId", c => Task.FromResult(c.ForPractice(" ", SdkHarness.Practice)) },
        { "NexGenClient.ForPractice", "practiceId", c => Task.FromResult(c.ForPractice(SdkHarness.Org, "practice_42\r\nX-Other: 1")) },
        { "NexGenClient.ForPractice", "practiceId", c => Task.FromResult(c.ForPractice(SdkHarness.Org, "practice_42 ")) },
        { "NexGenClient.ForPractice", "practiceId", c => Task.FromResult(c.ForPractice(SdkHarness.Org, "praxis_köln")) },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task A_bad_argument_is_refused_naming_it_with_nothing_sent_and_no_token_fetched(string operation, string parameter, Func<NexGenClient, Task> call)
    {
        var harness = new NothingSentHarness();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(harness.Client));

        Assert.True(parameter == error.ParamName, $"{operation}: ParamName {error.ParamName}, expected {parameter}");
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Patient, error.Message, StringComparison.Ordinal);
        harness.AssertNothingSent();
    }

    /// <summary>The same refusals through a practice scope: <c>ForPractice</c> shares the checks, not only the pipeline.</summary>
    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task A_practice_scope_refuses_the_same_arguments_before_sending(string operation, string parameter, Func<NexGenClient, Task> call)
    {
        var harness = new NothingSentHarness(o => (o.OrganizationId, o.PracticeId) = (null, null));

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(harness.Client.ForPractice(SdkHarness.Org, SdkHarness.Practice)));

        Assert.True(parameter == error.ParamName, $"{operation}: ParamName {error.ParamName}, expected {parameter}");
        harness.AssertNothingSent();
    }

    /// <summary>
    /// A partner's client that names no organisation and practice refuses every call, however valid its
    /// arguments, with the <see cref="InvalidOperationException"/> that says to scope it: no request, no token.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllowedEdgesTests.AllowedCalls), MemberType = typeof(AllowedEdgesTests))]
    public async Task A_client_that_names_no_practice_refuses_every_call_before_sending(string edge, Func<NexGenClient, Task> call)
    {
        var harness = new NothingSentHarness(o => (o.OrganizationId, o.PracticeId) = (null, null));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call(harness.Client));

        Assert.True(error.Message.Contains("ForPractice", StringComparison.Ordinal), $"{edge}: {error.Message}");
        harness.AssertNothingSent();
    }

    [Fact]
    public async Task A_booking_through_a_client_that_names_no_practice_is_refused_before_sending()
    {
        var harness = new NothingSentHarness(o => (o.OrganizationId, o.PracticeId) = (null, null));
        var request = new BookingRequest { PatientQuery = "Jane Smith", AppointmentTypeCode = "NPE", LocationUuid = Id, Start = Nine };

        await Assert.ThrowsAsync<InvalidOperationException>(() => new BookingWorkflow(harness.Client).BookAsync(request));

        harness.AssertNothingSent();
    }

    /// <summary>The sweep covers every public operation of every area: a method added later must join it.</summary>
    [Fact]
    public void Every_operation_that_takes_an_argument_is_in_the_sweep()
    {
        var swept = BadCalls().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var areas = new[] { typeof(SitesOperations), typeof(PatientsOperations), typeof(ProvidersOperations), typeof(AppointmentsOperations), typeof(ScheduleOperations) };
        var operations = areas.SelectMany(area => area.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(method => method.GetParameters().Any(p => p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(bool?)))
                .Select(method => area.Name.Replace("Operations", string.Empty, StringComparison.Ordinal) + "." + method.Name))
            .Append("NexGenClient.ForPractice")
            .Distinct();

        Assert.Empty(operations.Except(swept));
    }

    private static NewAppointment NewAppointment(Action<NewAppointment>? change = null)
    {
        var appointment = Bodies.GuideAppointment();
        change?.Invoke(appointment);
        return appointment;
    }
}
