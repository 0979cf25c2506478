namespace Dentally.NexGen.Client;

/// <summary>The requested appointment type does not exist (even after refreshing the cache) or is inactive.</summary>
public sealed class AppointmentTypeUnavailableException : NexGenBookingException
{
    internal AppointmentTypeUnavailableException(string requested, bool inactive)
        : base(inactive
            ? $"Appointment type '{requested}' is inactive (archived) and cannot be booked."
            : $"Appointment type '{requested}' does not exist in this organisation.")
    {
        Requested = requested;
        IsInactive = inactive;
    }

    /// <summary>The code or uuid that was asked for.</summary>
    public string Requested { get; }

    /// <summary><see langword="true"/> when the type exists but is inactive; <see langword="false"/> when it was not found.</summary>
    public bool IsInactive { get; }
}
