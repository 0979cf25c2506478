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

    public static async Task WithResponse(NexGenClient client, NewAppointment appointment)
    {
        #region snippet:with-response
        var response = await client.Appointments.CreateWithResponseAsync(appointment, idempotencyKey: "booking-8841");
        Console.WriteLine($"{response.Value.Uuid}: HTTP {response.StatusCode}, request id {response.RequestId}"
            + (response.Replayed ? " (the server replayed an earlier answer to this key)" : ""));
        #endregion
    }
}
