namespace Dentally.NexGen.Client;

/// <summary>Which replacement slots the workflow may take after a 409 <c>slot-conflict</c>.</summary>
public sealed class RebookingPolicy
{
    /// <summary>The largest <see cref="MaxRebookAttempts"/> accepted: 50.</summary>
    public const int MaxAllowedRebookAttempts = 50;

    /// <summary>How many replacement slots to try after the first choice (0 disables rebooking; at most 50). Default 3. Under heavy contention every loser of a race moves to the next free slot, so a policy that must fill every free slot in its window needs at least as many attempts as there are slots.</summary>
    public int MaxRebookAttempts { get; set; } = 3;

    /// <summary>
    /// How far after the requested start a replacement may start. <see langword="null"/> (the default)
    /// means the same day: until midnight after the requested start. At most 31 days.
    /// </summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>Whether another provider at the same site is acceptable. Default <see langword="false"/>.</summary>
    public bool AllowOtherProvider { get; set; }

    /// <summary>The end of the rebooking window (exclusive); the request was validated, so it is representable.</summary>
    internal DateTime WindowEnd(DateTime requestedStart)
        => TryGetWindowEnd(requestedStart, out var end) ? end : throw new InvalidOperationException("The rebooking window was not validated.");

    /// <summary>Whether the window after <paramref name="requestedStart"/> ends on or before <see cref="DateTime.MaxValue"/> (the validator asks, before anything is sent).</summary>
    internal bool TryGetWindowEnd(DateTime requestedStart, out DateTime end)
    {
        if (MaxDelay is { } delay)
        {
            var fits = requestedStart <= DateTime.MaxValue - delay;
            end = fits ? requestedStart + delay : default;
            return fits;
        }

        var sameDay = requestedStart.Date < DateTime.MaxValue.Date;
        end = sameDay ? requestedStart.Date.AddDays(1) : default;
        return sameDay;
    }
}
