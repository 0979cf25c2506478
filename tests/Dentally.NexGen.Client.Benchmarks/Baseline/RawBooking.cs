namespace Dentally.NexGen.Client.Benchmarks.Baseline;

/// <summary>
/// The booking workflow's happy path with a warm type cache, by hand: search the patient (one
/// match), take the already-fetched NPE type, POST the appointment. Two requests, as the SDK's
/// <see cref="BookingWorkflow"/> makes; none of its validation, rebooking, activities or metrics.
/// </summary>
internal sealed class RawBooking
{
    /// <summary>The page size <see cref="PatientsOperations.SearchAllAsync"/> uses, so both send the same query string.</summary>
    private const int SearchPageSize = 100;

    private readonly RawNexGenApi _api;
    private readonly IReadOnlyList<AppointmentType> _types;

    /// <param name="api">The raw calls.</param>
    /// <param name="cachedTypes">The organisation's types, fetched once beforehand (the warm cache).</param>
    public RawBooking(RawNexGenApi api, IReadOnlyList<AppointmentType> cachedTypes)
    {
        _api = api;
        _types = cachedTypes;
    }

    public async Task<Appointment> BookAsync(BookingRequest booking, CancellationToken cancellationToken)
    {
        var matches = await _api.SearchPatientsAsync(booking.PatientQuery!, page: 1, SearchPageSize, cancellationToken);
        if (matches.Items.Count != 1)
        {
            throw new InvalidOperationException($"Expected one patient, found {matches.Items.Count}.");
        }

        var patient = matches.Items[0];
        var type = _types.First(t => string.Equals(t.Code, booking.AppointmentTypeCode, StringComparison.OrdinalIgnoreCase));
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
