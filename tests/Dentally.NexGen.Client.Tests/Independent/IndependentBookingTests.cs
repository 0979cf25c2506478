using Dentally.NexGen.Independent;

namespace Dentally.NexGen.Client.Tests.Independent;

/// <summary>
/// The booking workflow against a server that is not the sandbox: written from the contract alone, it
/// differs wherever the contract allows (tests/IndependentServer/README.md). Each test is a defect the
/// SDK had against such a server, or a behaviour checked to hold.
/// </summary>
public sealed class IndependentBookingTests : IAsyncLifetime
{
    private static readonly DateTime GuideTen = new(2025, 5, 20, 10, 0, 0);
    private IndependentServer _server = null!;

    public async Task InitializeAsync() => _server = await IndependentServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_guide_walkthrough_books_Jane_Smith_and_rebooks_on_the_409()
    {
        var workflow = new BookingWorkflow(IndependentClient.For(_server));

        var result = await workflow.BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = IndependentData.MainStreetDental,
            Start = GuideTen,
            Notes = "New patient — first visit",
        });

        // 10:00 is Jonathan's until 10:30 (Michael Chen): the closest free hour with him is 10:30.
        Assert.True(result.Rebooked);
        Assert.Equal(new DateTime(2025, 5, 20, 10, 30, 0), result.Appointment.ScheduledStart);
        Assert.Equal(new DateTime(2025, 5, 20, 11, 30, 0), result.Appointment.ScheduledEnd);
        Assert.Equal(IndependentData.MichaelChen, result.Appointment.Provider.Uuid);
        Assert.Equal(IndependentData.NewPatientExam, result.Appointment.AppointmentType.Uuid);
        var booked = Assert.Single(_server.Booked, a => a.Patient.Uuid == IndependentData.JaneSmith && a.Status == "scheduled");
        Assert.Equal(result.Appointment.Uuid, booked.Uuid);
        Assert.Equal("New patient — first visit", booked.Notes);
    }
}
