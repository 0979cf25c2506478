using Dentally.NexGen.Client;

var client = new NexGenClient(new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
});
var workflow = new BookingWorkflow(client);
var mainStreetDental = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012"); // a site uuid: client.Sites.ListAsync()

try
{
    var result = await workflow.BookAsync(new BookingRequest
    {
        PatientQuery = "Smith",
        PatientDateOfBirth = new DateTime(1986, 4, 12),
        AppointmentTypeCode = "HYG",
        LocationUuid = mainStreetDental,
        Start = new DateTime(2025, 5, 20, 9, 0, 0),
        Rebooking = new RebookingPolicy
        {
            MaxRebookAttempts = 5,
            MaxDelay = TimeSpan.FromDays(2),
            AllowOtherProvider = true,
        },
    });
    Console.WriteLine(result.Rebooked ? $"Moved to {result.Appointment.ScheduledStart}" : "Booked as asked");
}
catch (AmbiguousPatientException ambiguous)
{
    Console.WriteLine($"Which one? {string.Join(", ", ambiguous.Candidates.Select(c => c.Uuid))}");
}
catch (SlotUnavailableException unavailable)
{
    Console.WriteLine($"Tried {unavailable.Attempts.Count} slot(s); {unavailable.Alternatives.Count} alternative(s) seen.");
}
