using System.Globalization;

namespace Dentally.NexGen.Client;

/// <summary>
/// No slot could be booked within the rebooking policy: the attempts ran out or no free slot fitted.
/// <see cref="Attempts"/> lists every slot tried; <see cref="Alternatives"/> every slot the server offered.
/// </summary>
public sealed class SlotUnavailableException : NexGenBookingException
{
    internal SlotUnavailableException(string reason, IReadOnlyList<BookingAttempt> attempts, IReadOnlyList<Slot> alternatives, Exception? lastConflict)
        : base(string.Format(CultureInfo.InvariantCulture, "No slot could be booked: {0} ({1} attempt(s), {2} alternative(s) seen).", reason, attempts.Count, alternatives.Count),
            lastConflict ?? new InvalidOperationException(reason))
    {
        Attempts = attempts;
        Alternatives = alternatives;
    }

    /// <summary>Every slot tried, in order.</summary>
    public IReadOnlyList<BookingAttempt> Attempts { get; }

    /// <summary>Every alternative slot seen (suggested by conflicts or found by availability), in the order seen.</summary>
    public IReadOnlyList<Slot> Alternatives { get; }
}
