using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples.Snippets;

internal static class Errors
{
    public static async Task HandleErrors(NexGenClient client, NewAppointment appointment)
    {
        #region snippet:typed-errors
        try
        {
            await client.Appointments.CreateAsync(appointment);
        }
        catch (NexGenSlotConflictException conflict)
        {
            Console.WriteLine($"Taken by {conflict.Conflict?.ResourceUuid}; free instead: " +
                string.Join(", ", conflict.SuggestedSlots.Select(s => s.ScheduledStart)));
        }
        catch (NexGenValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                Console.WriteLine($"{field}: {string.Join("; ", messages)}");
            }
        }
        catch (NexGenApiException other)
        {
            // Status, problem title and request id; never the response body.
            Console.WriteLine($"{other.StatusCode} {other.Problem?.Title} (request id {other.RequestId})");
        }
        #endregion
    }
}
