namespace Dentally.NexGen.Client;

/// <summary>Which replacement slots the workflow may take after a 409 <c>slot-conflict</c>.</summary>
public sealed class RebookingPolicy
{
    /// <summary>How many replacement slots to try after the first choice (0 disables rebooking). Default 3.</summary>
    public int MaxRebookAttempts { get; set; } = 3;

    /// <summary>
    /// How far after the requested start a replacement may start. <see langword="null"/> (the default)
    /// means the same day: until midnight after the requested start. At most 31 days.
    /// </summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>Whether another provider at the same site is acceptable. Default <see langword="false"/>.</summary>
    public bool AllowOtherProvider { get; set; }

    internal DateTime WindowEnd(DateTime requestedStart)
        => MaxDelay is { } delay ? requestedStart + delay : requestedStart.Date.AddDays(1);
}
