namespace Dentally.NexGen.Client;

/// <summary>
/// The <see cref="OpeningHours.DayOfWeek"/> values this version of the contract knows, as <c>const</c>
/// strings so that they compare with <c>==</c> and serve as <c>case</c> labels. The contract lists them as
/// an extensible set: a value added later reaches the caller unchanged.
/// </summary>
public static class DaysOfWeek
{
    /// <summary>Monday.</summary>
    public const string Monday = "monday";

    /// <summary>Tuesday.</summary>
    public const string Tuesday = "tuesday";

    /// <summary>Wednesday.</summary>
    public const string Wednesday = "wednesday";

    /// <summary>Thursday.</summary>
    public const string Thursday = "thursday";

    /// <summary>Friday.</summary>
    public const string Friday = "friday";

    /// <summary>Saturday.</summary>
    public const string Saturday = "saturday";

    /// <summary>Sunday.</summary>
    public const string Sunday = "sunday";
}
