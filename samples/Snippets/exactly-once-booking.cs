using Dentally.NexGen.Client;

var client = new NexGenClient(new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
});
var workflow = new BookingWorkflow(client);
var yourBookingId = "8841"; // your own booking's reference, stored before you call the SDK

var request = new BookingRequest
{
    PatientQuery = "Jane Smith",
    AppointmentTypeCode = "NPE",
    LocationUuid = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012"),
    Start = new DateTime(2025, 5, 20, 10, 0, 0),
    IdempotencyKey = $"booking-{yourBookingId}", // your reference: this key can never book twice
};
try
{
    var result = await workflow.BookAsync(request);
    Console.WriteLine($"Booked {result.Appointment.Uuid} for booking {result.IdempotencyKey}");
}
catch (BookingOutcomeUnknownException unknown)
{
    // The appointment may exist. Run the same request with the same key again (now, or after a
    // restart): it returns that appointment, or books one, never two.
    Console.WriteLine($"Outcome unknown for {unknown.IdempotencyKey}; will run it again.");
}
catch (BookingKeyReusedException)
{
    // This key already booked something else: a new booking needs a new key.
}
