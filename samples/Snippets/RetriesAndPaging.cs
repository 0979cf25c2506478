using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples.Snippets;

internal static class RetriesAndPaging
{
    public static async Task OwnIdempotencyKey(NexGenClient client, NewAppointment appointment, Guid bookingRequestId)
    {
        #region snippet:own-idempotency-key
        // Your own key makes your own retry safe too: the same key and body replay the first answer.
        var booked = await client.Appointments.CreateAsync(appointment, idempotencyKey: $"booking-{bookingRequestId}");
        #endregion
    }

    public static async Task WalkAllPages(NexGenClient client, Guid provider)
    {
        #region snippet:paging
        await foreach (var appointment in client.Appointments.ListAllAsync(new AppointmentQuery
        {
            ProviderUuid = provider,
            From = new DateTime(2025, 5, 19, 0, 0, 0),
            To = new DateTime(2025, 5, 24, 0, 0, 0),
        }))
        {
            Console.WriteLine($"{appointment.ScheduledStart} {appointment.Status}");
        }
        #endregion
    }
}
