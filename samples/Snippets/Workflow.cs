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
}
