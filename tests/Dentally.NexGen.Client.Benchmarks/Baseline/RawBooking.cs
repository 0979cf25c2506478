namespace Dentally.NexGen.Client.Benchmarks.Baseline;

/// <summary>
/// The booking workflow's happy path by hand, as an integrator without the SDK writes it: search the
/// patient (one match), look the type up, POST the appointment. Three requests, where the SDK's
/// <see cref="BookingWorkflow"/> makes two on its warm type cache; none of its validation,
/// rebooking, activities or metrics.
/// </summary>
internal sealed class RawBooking
{
    /// <summary>The page size <see cref="PatientsOperations.SearchAllAsync"/> uses, so both send the same query string.</summary>
    private const int SearchPageSize = 100;

    private readonly RawNexGenApi _api;

    /// <param name="api">The raw calls.</param>
    public RawBooking(RawNexGenApi api) => _api = api;

    public async Task<Appointment> BookAsync(BookingRequest booking, CancellationToken cancellationToken)
    {
        var matches = await _api.SearchPatientsAsync(booking.PatientQuery!, page: 1, SearchPageSize, cancellationToken);
        if (matches.Items.Count != 1)
        {
            throw new InvalidOperationException($"Expected one patient, found {matches.Items.Count}.");
        }

        var patient = matches.Items[0];
        var types = await _api.ListAppointmentTypesAsync(cancellationToken);
        var type = types.Items.First(t => string.Equals(t.Code, booking.AppointmentTypeCode, StringComparison.OrdinalIgnoreCase));
        var body = new AppointmentCreate
        {
            PatientUuid = patient.Uuid,
            AppointmentTypeUuid = type.Uuid,
            LocationUuid = booking.LocationUuid,
            ProviderUuid = booking.ProviderUuid ?? patient.PreferredProviderUuid ?? throw new InvalidOperationException("No provider."),
            ScheduledStart = booking.Start,
            ScheduledEnd = booking.Start.AddMinutes(type.DurationMinutes),
            Notes = booking.Notes,
        };
        return await _api.CreateAppointmentAsync(body, Guid.NewGuid().ToString(), cancellationToken);
    }
}
