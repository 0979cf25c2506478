using Dentally.NexGen.Client;
using Xunit;

namespace MyApp.Tests;

public class ReceptionTests
{
    [Fact]
    public async Task The_fake_answers_without_a_server()
    {
        var appointment = new Appointment { Uuid = Guid.NewGuid(), Status = "scheduled", ScheduledStart = new DateTime(2025, 5, 20, 10, 30, 0) };
        var workflow = new FakeBookingWorkflow(_ => NexGenModelFactory.BookingResult(appointment));

        // Your code under test gets `workflow` where it takes a BookingWorkflow.
        var result = await workflow.BookAsync(new BookingRequest { PatientQuery = "Jane Smith", AppointmentTypeCode = "NPE" });

        Assert.Same(appointment, result.Appointment);
        Assert.Equal("Jane Smith", Assert.Single(workflow.Requests).PatientQuery);
    }

    // A hand-written fake: derive, override what your code calls. No server, no mocking library.
    private sealed class FakeBookingWorkflow(Func<BookingRequest, BookingResult> answer) : BookingWorkflow
    {
        public List<BookingRequest> Requests { get; } = [];

        public override Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(answer(request)); // or: throw NexGenModelFactory.SlotUnavailableException(…)
        }
    }
}
