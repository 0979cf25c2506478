using Dentally.NexGen.Client;

var client = new NexGenClient(new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
});

try
{
    var appointment = await client.Appointments.ChangeStatusAsync(Guid.Parse("e5f6a7b8-c9d0-1234-efab-345678901234"), StatusChangeTarget.Arrived);
    switch (appointment.Status)
    {
        case AppointmentStatuses.Arrived:
            Console.WriteLine($"Checked in for {appointment.ScheduledStart:t}");
            break;
        default:
            Console.WriteLine($"Now {appointment.Status}"); // a status added after this SDK version arrives unchanged
            break;
    }
}
catch (NexGenApiException e)
{
    switch (e.ProblemType)
    {
        case ProblemTypes.InvalidStatusTransition:
            Console.WriteLine("Not from the appointment's current status.");
            break;
        case ProblemTypes.NotFound:
            Console.WriteLine("No such appointment.");
            break;
        default:
            Console.WriteLine($"{e.StatusCode} {e.ProblemType ?? "(no problem type)"}");
            break;
    }
}
