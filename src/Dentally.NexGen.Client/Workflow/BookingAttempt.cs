namespace Dentally.NexGen.Client;

/// <summary>One slot of a booking: the slot tried, how it ended, and the problem type when it failed.</summary>
public sealed class BookingAttempt
{
    internal BookingAttempt(Slot slot, BookingAttemptOutcome outcome, string? problemType)
    {
        Slot = slot;
        Outcome = outcome;
        ProblemType = problemType;
    }

    /// <summary>The slot tried.</summary>
    public Slot Slot { get; }

    /// <summary>How the attempt ended.</summary>
    public BookingAttemptOutcome Outcome { get; }

    /// <summary>The problem type of the failure (e.g. <see cref="ProblemTypes.SlotConflict"/>), if any: the same string as <see cref="NexGenApiException.ProblemType"/>.</summary>
    public string? ProblemType { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{PracticeLocalTime.ToWire(Slot.ScheduledStart)}–{PracticeLocalTime.ToWire(Slot.ScheduledEnd)} provider {Slot.ProviderUuid}: {Outcome}";
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
