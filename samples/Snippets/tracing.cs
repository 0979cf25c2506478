using System.Diagnostics;
using Dentally.NexGen.Client;

// OpenTelemetry: .AddSource("Dentally.NexGen.Client") and .AddMeter("Dentally.NexGen.Client").
using var listener = new ActivityListener
{
    ShouldListenTo = source => source.Name == NexGenDiagnostics.SourceName,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = activity => Console.WriteLine($"{activity.DisplayName} {activity.Duration.TotalMilliseconds} ms"),
};
ActivitySource.AddActivityListener(listener);

var client = new NexGenClient(new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
});
await client.Sites.ListAsync(); // prints one line per span
