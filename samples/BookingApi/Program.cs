using Dentally.NexGen.Client;
using Dentally.NexGen.Samples.BookingApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
var app = builder.Build();

app.MapPost("/bookings", async (BookingInput input, BookingWorkflow workflow, CancellationToken cancellationToken) =>
{
    var result = await workflow.BookAsync(
        new BookingRequest
        {
            PatientQuery = input.Patient,
            AppointmentTypeCode = input.Type,
            LocationUuid = input.Location,
            Start = input.Start,
        },
        cancellationToken);
    return Results.Ok(new BookingOutput(result.Appointment.Uuid, result.Appointment.ScheduledStart, result.Rebooked));
});

app.Run();
