using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples.Snippets;

internal static class Workflow
{
    public static async Task BookWithPolicy(BookingWorkflow workflow, Guid mainStreetDental)
    {
        #region snippet:rebooking-policy
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
        #endregion
    }

    public static async Task BookExactlyOnce(BookingWorkflow workflow, Guid mainStreetDental, string yourBookingId, CancellationToken cancellationToken)
    {
        #region snippet:exactly-once-booking
        var request = new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = mainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
            IdempotencyKey = $"booking-{yourBookingId}", // your reference: this key can never book twice
        };
        try
        {
            var result = await workflow.BookAsync(request, cancellationToken);
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
        #endregion
    }
}
