using Dentally.NexGen.Client;

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
