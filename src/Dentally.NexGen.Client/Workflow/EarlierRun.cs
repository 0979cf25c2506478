namespace Dentally.NexGen.Client;

/// <summary>
/// Finds the appointment an earlier run of the same booking (the same caller's key) made, for when the
/// server can no longer replay its answers (its 24-hour key window has passed, or it lost its key
/// store): the rerun's first choice then comes back as taken — by that appointment, or by whatever
/// made the earlier run rebook — and booking a replacement would give the patient a second
/// appointment. The contract has no field that could carry a booking reference, so an appointment
/// counts as this booking's when it holds everything the booking would have sent: this patient, this
/// type, this site, a provider the policy accepts, the booking's length, its notes (compared exactly),
/// a start within the rebooking window, and a status other than cancelled. One request (a page of
/// the patient's appointments at the site in that window), made only after a first conflict, so a
/// booking that succeeds at once costs nothing more; at most <see cref="MaxPages"/> pages are read.
/// </summary>
internal static class EarlierRun
{
    public const int MaxPages = 5;

    public static async Task<Appointment?> FindAsync(NexGenClient client, BookingRequest request, Guid patient, Guid type, Guid provider, TimeSpan length, DateTime windowEnd, CancellationToken cancellationToken)
    {
        using var step = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.FindEarlierBooking");
        var query = new AppointmentQuery { PatientUuid = patient, LocationUuid = request.LocationUuid, From = request.Start, To = windowEnd };
        Appointment? earliest = null;
        var read = 0;
        await foreach (var appointment in client.Appointments.ListAllAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A server that ignored the filters would otherwise page through the whole organisation.
            if (++read > MaxPages * Validate.MaxPageSize)
            {
                break;
            }

            // The server's filters are trusted for paging only: every criterion is checked here again.
            if (IsThisBookings(appointment, request, patient, type, provider, length, windowEnd)
                && (earliest is null || appointment.ScheduledStart < earliest.ScheduledStart))
            {
                earliest = appointment;
            }
        }

        step?.SetTag("nexgen.found", earliest is not null);
        return earliest;
    }

    private static bool IsThisBookings(Appointment appointment, BookingRequest request, Guid patient, Guid type, Guid provider, TimeSpan length, DateTime windowEnd)
    {
        if (string.Equals(appointment.Status, AppointmentStatuses.Cancelled, StringComparison.Ordinal)
            || appointment.Patient?.Uuid != patient
            || appointment.AppointmentType?.Uuid != type
            || appointment.Location?.Uuid != request.LocationUuid
            || appointment.Provider is null
            || (!request.Rebooking.AllowOtherProvider && appointment.Provider.Uuid != provider)
            || !string.Equals(appointment.Notes ?? string.Empty, request.Notes ?? string.Empty, StringComparison.Ordinal))
        {
            return false;
        }

        var (start, end) = (appointment.ScheduledStart, appointment.ScheduledEnd);
        return start >= request.Start && start < windowEnd && end - start == length;
    }
}
