// Installs the SDK from packages only and books through the DI path, as an integrator's app would.
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

await using var sandbox = await NexGenSandbox.StartAsync();

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddNexGenClient(options =>
{
    options.BaseAddress = sandbox.BaseAddress;
    options.OrganizationId = sandbox.OrganizationId;
    options.PracticeId = sandbox.PracticeId;
    options.Token = sandbox.Token;
});
using var host = builder.Build();
await host.StartAsync();

var workflow = host.Services.GetRequiredService<BookingWorkflow>();
var result = await workflow.BookAsync(new BookingRequest
{
    PatientQuery = "Jane Smith",
    AppointmentTypeCode = "NPE",
    LocationUuid = SandboxSeed.MainStreetDental,
    Start = new DateTime(2025, 5, 20, 10, 0, 0),
});

var appointment = result.Appointment;
var ok = appointment.Status == AppointmentStatuses.Scheduled
    && appointment.ScheduledStart == new DateTime(2025, 5, 20, 10, 0, 0)
    && appointment.Patient.Uuid == SandboxSeed.JaneSmith
    && sandbox.GetAppointments().Count(a => a.Uuid == appointment.Uuid) == 1;
Console.WriteLine($"consumer: booked {appointment.Uuid} ({appointment.Status}) at {appointment.ScheduledStart} with {result.HttpRequestCount} requests: {(ok ? "OK" : "UNEXPECTED")}");
await host.StopAsync();
return ok ? 0 : 1;
