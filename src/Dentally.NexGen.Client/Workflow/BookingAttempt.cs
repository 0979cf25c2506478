namespace Dentally.NexGen.Client;

/// <summary>One slot of a booking: the slot tried, how it ended, and the problem type when it failed.</summary>
public sealed class BookingAttempt
{
    internal BookingAttempt(Slot slot, BookingAttemptOutcome outcome, Uri? problemType)
    {
        Slot = slot;
        Outcome = outcome;
        ProblemType = problemType;
    }

    /// <summary>The slot tried.</summary>
    public Slot Slot { get; }

    /// <summary>How the attempt ended.</summary>
    public BookingAttemptOutcome Outcome { get; }

    /// <summary>The problem type of the failure (e.g. <c>…/slot-conflict</c>), if any.</summary>
    public Uri? ProblemType { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Slot.ScheduledStart}–{Slot.ScheduledEnd} provider {Slot.ProviderUuid}: {Outcome}";
}

/// <summary>How one booking attempt ended.</summary>
public enum BookingAttemptOutcome
{
    /// <summary>The appointment was created.</summary>
    Booked,

    /// <summary>The slot was taken (409 <c>slot-conflict</c>).</summary>
    Conflict,

    /// <summary>
    /// No POST: an earlier run with the same idempotency key had already booked this slot (its answer
    /// was lost, or the caller ran the booking again); that appointment is returned, and nothing new is booked.
    /// </summary>
    AlreadyBooked,
}
