#region snippet:book-with-di
// Until the packages are published, add the nexgen-local package source first (README.md, "Install").
// dotnet new console; dotnet add package Dentally.NexGen.Client --prerelease; dotnet add package Microsoft.Extensions.Hosting
using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The server, organisation, practice and token come from the "NexGen" section: appsettings.json, or
// environment variables. To run this as it is, serve the sandbox (in this repository) and point it there:
//   dotnet run --project samples/Sandbox -- --port 5080
//   export NexGen__BaseAddress=http://127.0.0.1:5080 NexGen__OrganizationId=org_7f3c2a9e NexGen__PracticeId=practice_42 NexGen__Token=tok_sandbox_7d1e4b2a
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
using var host = builder.Build();

var mainStreetDental = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012"); // a site uuid: client.Sites.ListAsync()
var workflow = host.Services.GetRequiredService<BookingWorkflow>();
var result = await workflow.BookAsync(new BookingRequest
{
    PatientQuery = "Jane Smith",
    AppointmentTypeCode = "NPE",
    LocationUuid = mainStreetDental,
    Start = new DateTime(2025, 5, 20, 10, 0, 0),
    IdempotencyKey = "booking-8841", // your own reference: running this again never books twice
});
Console.WriteLine($"{result.Appointment.Uuid} {result.Appointment.Status} at {result.Appointment.ScheduledStart}");
#endregion
