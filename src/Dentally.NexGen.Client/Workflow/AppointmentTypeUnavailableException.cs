namespace Dentally.NexGen.Client;

/// <summary>The requested appointment type does not exist (even after refreshing the cache) or is inactive.</summary>
public sealed class AppointmentTypeUnavailableException : NexGenBookingException
{
    internal AppointmentTypeUnavailableException(string requested, bool inactive, IEnumerable<AppointmentType>? organisationTypes = null)
        : base((inactive
            ? $"Appointment type '{requested}' is inactive (archived) and cannot be booked."
            : $"Appointment type '{requested}' does not exist in this organisation.") + Bookable(organisationTypes))
    {
        Requested = requested;
        IsInactive = inactive;
    }

    /// <summary>The code or uuid that was asked for.</summary>
    public string Requested { get; }

    /// <summary><see langword="true"/> when the type exists but is inactive; <see langword="false"/> when it was not found.</summary>
    public bool IsInactive { get; }

    // What could be booked instead, so a mistyped or archived code is fixed without another lookup.
    private static string Bookable(IEnumerable<AppointmentType>? types)
    {
        if (types is null)
        {
            return string.Empty;
        }

        var codes = types.Where(t => t.IsActive && !string.IsNullOrWhiteSpace(t.Code)).Select(t => t.Code).Distinct(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? " It has no active appointment types." : $" Its active types: {string.Join(", ", codes)}.";
    }
}
