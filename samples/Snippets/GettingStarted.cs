using Dentally.NexGen.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dentally.NexGen.Samples.Snippets;

internal static class GettingStarted
{
    public static async Task BookWithDependencyInjection(string[] args, Guid mainStreetDental)
    {
        var builder = Host.CreateApplicationBuilder(args);
        #region snippet:book-with-di
        builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
        using var host = builder.Build();

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
    }

    public static async Task WithoutAHost()
    {
        #region snippet:without-a-host
        var client = new NexGenClient(new NexGenClientOptions
        {
            BaseAddress = new Uri("https://api.example.com"),
            OrganizationId = "org_7f3c2a9e",
            PracticeId = "practice_42",
            Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
        });

        var types = await client.AppointmentTypes.ListAsync(isActive: true);
        foreach (var type in types.Items)
        {
            Console.WriteLine($"{type.Code} {type.Name} ({type.DurationMinutes} min)");
        }
        #endregion
    }
}
