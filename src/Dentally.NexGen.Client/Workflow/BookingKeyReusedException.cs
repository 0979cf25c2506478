using System.Globalization;

namespace Dentally.NexGen.Client;

/// <summary>
/// The booking's idempotency key was already used for another booking: the server refused the POST
/// with 422 <c>idempotency-key-mismatch</c> because the same key came with a different body (another
/// patient, type, slot, provider or notes). Nothing was booked by this call. Use a new key for a new
/// booking. (The same request can also differ from its first run when the server's data changed in
/// between: the patient's preferred provider, or the type's duration when no end is given.)
/// </summary>
public sealed class BookingKeyReusedException : NexGenBookingException
{
    internal BookingKeyReusedException(string idempotencyKey, NexGenIdempotencyKeyMismatchException cause)
        : base(string.Format(CultureInfo.InvariantCulture,
            "The idempotency key \"{0}\" was already used for another booking (the server answered 422 idempotency-key-mismatch, request id {1}). Use a new key for a new booking.",
            idempotencyKey, ProblemSummary.RequestIdText(cause.RequestId)), cause)
    {
        IdempotencyKey = idempotencyKey;
    }
}
