using Dentally.NexGen.Client;

var client = new NexGenClient(new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
});
var bookingRequestId = Guid.Parse("9b2f4c1e-7d3a-4e5b-8c6d-1a2b3c4d5e6f"); // your own booking's id
var appointment = new NewAppointment
{
    PatientUuid = Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890"),
    AppointmentTypeUuid = Guid.Parse("b2c3d4e5-f6a7-8901-bcde-f12345678901"),
    LocationUuid = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012"),
    ProviderUuid = Guid.Parse("d4e5f6a7-b8c9-0123-defa-234567890123"),
    ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
    ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
};

// Your own key makes your own retry safe too: the same key and body replay the first answer.
var booked = await client.Appointments.CreateAsync(appointment, idempotencyKey: $"booking-{bookingRequestId}");
Console.WriteLine(booked.Uuid);
