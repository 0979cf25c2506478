namespace Dentally.NexGen.Client;

/// <summary>
/// The booking workflow could not book, for a reason found in the data rather than an HTTP error
/// (those stay <see cref="NexGenApiException"/>s). Messages carry identifiers, never patient names.
/// </summary>
public class NexGenBookingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public NexGenBookingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NexGenBookingException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NexGenBookingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The booking's idempotency key (<see cref="BookingRequest.IdempotencyKey"/>, or the one the workflow
    /// made when none was given): running the same request again with this key cannot book twice.
    /// Set on every booking exception <see cref="BookingWorkflow.BookAsync"/> throws.
    /// </summary>
    public string? IdempotencyKey { get; internal set; }
}
