namespace Dentally.NexGen.Client.Benchmarks.Sdk;

/// <summary>
/// The peers' three requests (search, type lookup, POST with a key) chained through the plain SDK
/// client, without the <see cref="BookingWorkflow"/>: what the SDK's pipeline costs per request beside
/// a peer making exactly the same requests.
/// </summary>
internal sealed class ChainedSdkBooking(NexGenClient client)
{
    private const int SearchPageSize = 100;

    public async Task<Appointment> BookAsync(BookingRequest booking, CancellationToken cancellationToken = default)
    {
        var patient = (await client.Patients.SearchAsync(booking.PatientQuery, page: 1, SearchPageSize, cancellationToken)).Items.Single();
        var type = (await client.AppointmentTypes.ListAsync(cancellationToken: cancellationToken)).Items
            .First(t => string.Equals(t.Code, booking.AppointmentTypeCode, StringComparison.OrdinalIgnoreCase));
        return await client.Appointments.CreateAsync(
            new NewAppointment
            {
                PatientUuid = patient.Uuid,
                AppointmentTypeUuid = type.Uuid,
                LocationUuid = booking.LocationUuid,
                ProviderUuid = booking.ProviderUuid ?? patient.PreferredProviderUuid ?? throw new InvalidOperationException("No provider."),
                ScheduledStart = booking.Start,
                ScheduledEnd = booking.Start.AddMinutes(type.DurationMinutes),
                Notes = booking.Notes,
            },
            Guid.NewGuid().ToString(),
            cancellationToken);
    }
}
