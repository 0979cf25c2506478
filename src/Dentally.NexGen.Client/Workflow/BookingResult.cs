namespace Dentally.NexGen.Client;

/// <summary>What a booking produced and how it got there.</summary>
public sealed class BookingResult
{
    internal BookingResult(Appointment appointment, IReadOnlyList<BookingAttempt> attempts, int httpRequestCount)
    {
        Appointment = appointment;
        Attempts = attempts;
        HttpRequestCount = httpRequestCount;
    }

    /// <summary>The created appointment (status <c>scheduled</c>).</summary>
    public Appointment Appointment { get; }

    /// <summary>Whether the appointment is in another slot than the one first requested.</summary>
    public bool Rebooked => Attempts.Count > 1;

    /// <summary>Every POST the workflow made, in order, with its outcome.</summary>
    public IReadOnlyList<BookingAttempt> Attempts { get; }

    /// <summary>How many HTTP requests the booking made, retries included.</summary>
    public int HttpRequestCount { get; }
}
