using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// The reverse of <see cref="RefusedBeforeSendingTests"/>: a value at the edge of what the contract allows
/// (a length or page size exactly at its bound, a window exactly as long as allowed, unicode text, a status
/// added after this contract version) is sent, not refused. The recording transport answers 404, so an
/// accepted call ends in <see cref="NexGenNotFoundException"/> after its one request.
/// </summary>
public sealed class AllowedEdgesTests
{
    private static readonly Guid Id = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");
    private static readonly DateTime Nine = new(2025, 5, 20, 9, 0, 0);

    public static TheoryData<string, Func<NexGenClient, Task>> AllowedCalls() => new()
    {
        { "page_size at its maximum", c => c.Sites.ListAsync(page: ContractNumbers.PageMinimum, pageSize: ContractNumbers.PageSizeMaximum) },
        { "page_size at its minimum", c => c.Sites.ListWithResponseAsync(pageSize: ContractNumbers.PageSizeMinimum) },
        { "a page far along", c => c.Appointments.ListAsync(page: int.MaxValue) },
        { "a walk at the largest page", c => NothingSentHarness.WalkAsync(c.Sites.ListAllAsync(pageSize: ContractNumbers.PageSizeMaximum)) },
        { "a walk one item a page", c => NothingSentHarness.WalkAsync(c.Appointments.ListAllAsync(pageSize: ContractNumbers.PageSizeMinimum)) },
        { "a query exactly at its maxLength, in unicode", c => c.Patients.SearchAsync(new string('é', ContractNumbers.SearchPatientsQueryMaxLength)) },
        { "a one-letter query", c => NothingSentHarness.WalkAsync(c.Patients.SearchAllAsync("Ž")) },
        { "no query lists everyone", c => c.Patients.SearchWithResponseAsync(null) },
        { "unicode names", c => c.Patients.CreateAsync(new PatientCreate { FirstName = "Zoë", LastName = "Łukasiewicz-O'Brien 山田", DateOfBirth = new DateTime(1986, 4, 12) }) },
        { "an email address in unicode, at a host without a dot", c => c.Patients.CreateAsync(Bodies.Jane(p => p.Email = "zoë.o'brien+nexgen@exämple")) },
        { "a date of birth of any kind at midnight", c => c.Patients.CreateWithResponseAsync(Bodies.Jane(p => p.DateOfBirth = new DateTime(1986, 4, 12, 0, 0, 0, DateTimeKind.Utc))) },
        { "a key exactly at its maxLength", c => c.Patients.CreateAsync(Bodies.Jane(), new string('k', ContractNumbers.IdempotencyKeyMaxLength)) },
        { "a one-character key", c => c.Appointments.CreateAsync(Bodies.GuideAppointment(), new string('k', ContractNumbers.IdempotencyKeyMinLength)) },
        { "a key with inner spaces", c => c.Appointments.CreateWithResponseAsync(Bodies.GuideAppointment(), "booking 8841 / 2") },
        { "notes exactly at their maxLength", c => c.Appointments.CreateAsync(With(a => a.Notes = new string('ñ', ContractNumbers.AppointmentCreateNotesMaxLength))) },
        { "empty notes", c => c.Appointments.CreateAsync(With(a => a.Notes = string.Empty)) },
        { "a one-second appointment", c => c.Appointments.CreateAsync(With(a => a.ScheduledEnd = a.ScheduledStart.AddSeconds(1))) },
        { "a status this contract version does not know", c => c.Appointments.ListAsync(new AppointmentQuery { Status = "no_show" }) },
        { "only a from", c => c.Appointments.ListAsync(new AppointmentQuery { From = Nine }) },
        { "only a to", c => c.Appointments.ListWithResponseAsync(new AppointmentQuery { To = Nine }) },
        { "an update that clears the notes", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { Notes = string.Empty }) },
        { "update notes exactly at their maxLength", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { Notes = new string('n', ContractNumbers.AppointmentUpdateNotesMaxLength) }) },
        { "a move", c => c.Appointments.UpdateWithResponseAsync(Id, new AppointmentChanges { ScheduledStart = Nine, ScheduledEnd = Nine.AddHours(1) }) },
        { "a reason exactly at its maxLength", c => c.Appointments.CancelAsync(Id, new string('r', ContractNumbers.AppointmentCancelReasonMaxLength)) },
        { "no reason", c => c.Appointments.CancelWithResponseAsync(Id) },
        { "every status target", c => Task.WhenAll(Enum.GetValues<StatusChangeTarget>().Select(status => c.Appointments.ChangeStatusAsync(Id, status))) },
        { "a window exactly as long as allowed", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddDays(ContractNumbers.GetAvailabilityMaximumWindowDays)) },
        { "a one-second window", c => c.Schedule.GetAvailabilityWithResponseAsync(Id, Id, Nine, Nine.AddSeconds(1), Id) },
        { "the first and last whole seconds a DateTime holds", c => c.Appointments.ListAsync(new AppointmentQuery { From = DateTime.MinValue, To = new DateTime(9999, 12, 31, 23, 59, 59) }) },
    };

    [Theory]
    [MemberData(nameof(AllowedCalls))]
    public async Task An_edge_the_contract_allows_is_sent(string edge, Func<NexGenClient, Task> call)
    {
        var harness = new NothingSentHarness();

        var error = await Record.ExceptionAsync(() => call(harness.Client));

        Assert.True(error is NexGenNotFoundException, $"{edge}: {error}");
        Assert.NotEmpty(harness.Transport.Requests);
    }

    private static NewAppointment With(Action<NewAppointment> change)
    {
        var appointment = Bodies.GuideAppointment();
        change(appointment);
        return appointment;
    }
}
