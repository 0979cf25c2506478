namespace Dentally.NexGen.Client;

/// <summary>What a booking produced and how it got there.</summary>
public sealed class BookingResult
{
    internal BookingResult(Appointment appointment, IReadOnlyList<BookingAttempt> attempts, int httpRequestCount, string idempotencyKey, Slot requested, IReadOnlyList<Appointment>? duplicates = null)
    {
        Appointment = appointment;
        Duplicates = duplicates ?? [];
        Attempts = attempts;
        HttpRequestCount = httpRequestCount;
        IdempotencyKey = idempotencyKey;
        Rebooked = requested.ScheduledStart != appointment.ScheduledStart
            || requested.ProviderUuid != appointment.Provider?.Uuid
            || requested.LocationUuid != appointment.Location?.Uuid;
    }

    /// <summary>The appointment (status <c>scheduled</c> when just booked).</summary>
    public Appointment Appointment { get; }

    /// <summary>Whether the appointment is in another slot than the one first requested.</summary>
    public bool Rebooked { get; }

    /// <summary>
    /// Whether nothing new was booked because an earlier run of this booking (same
    /// <see cref="BookingRequest.IdempotencyKey"/>) had already made <see cref="Appointment"/>.
    /// </summary>
    public bool AlreadyBooked => Attempts[Attempts.Count - 1].Outcome == BookingAttemptOutcome.AlreadyBooked;

    /// <summary>
    /// Other appointments of this booking in <see cref="Appointment"/>'s slot, made by a server that broke
    /// the contract twice over: the SDK sent the POST again after an attempt whose answer it never got, and
    /// the server neither replayed the idempotency key nor refused the second appointment in a taken slot.
    /// Empty on a server that keeps its contract (the SDK looks only after a resent POST succeeded). The SDK
    /// cancels nothing: cancel each one that is not wanted (<see cref="AppointmentsOperations.CancelAsync"/>),
    /// and report the server. Each is also logged as a Warning.
    /// </summary>
    public IReadOnlyList<Appointment> Duplicates { get; }

    /// <summary>Every slot the workflow tried, in order, with its outcome.</summary>
    public IReadOnlyList<BookingAttempt> Attempts { get; }

    /// <summary>How many HTTP requests the booking made, retries included.</summary>
    public int HttpRequestCount { get; }

    /// <summary>
    /// The booking's idempotency key: <see cref="BookingRequest.IdempotencyKey"/>, or the one the workflow
    /// made when none was given. Running the same request again with it returns this appointment.
    /// </summary>
    public string IdempotencyKey { get; }
}
