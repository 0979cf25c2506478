using Dentally.NexGen.Client;

var client = new NexGenClient(new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
});
var provider = Guid.Parse("d4e5f6a7-b8c9-0123-defa-234567890123"); // a provider uuid: client.Providers.ListAsync()

await foreach (var appointment in client.Appointments.ListAllAsync(new AppointmentQuery
{
    ProviderUuid = provider,
    From = new DateTime(2025, 5, 19, 0, 0, 0),
    To = new DateTime(2025, 5, 24, 0, 0, 0),
}))
{
    Console.WriteLine($"{appointment.ScheduledStart} {appointment.Status}");
}
