using System.Globalization;

namespace Dentally.NexGen.Client;

/// <summary>
/// A POST of the booking may have reached the server, but no answer says what it did: the connection
/// failed or the call timed out after the request went out, the server failed (5xx), another run with
/// the same key was still in flight, or the call was cancelled. The appointment (or, when
/// <see cref="Slot"/> is <see langword="null"/>, the patient) may exist. Running the same
/// <see cref="BookingRequest"/> again with <see cref="NexGenBookingException.IdempotencyKey"/> as its
/// <see cref="BookingRequest.IdempotencyKey"/> is safe: it returns that appointment or books one, never two.
/// </summary>
public sealed class BookingOutcomeUnknownException : NexGenBookingException
{
    internal BookingOutcomeUnknownException(string idempotencyKey, Slot? slot, Exception cause)
        : base(Describe(idempotencyKey, slot, cause), cause)
    {
        IdempotencyKey = idempotencyKey;
        Slot = slot;
    }

    /// <summary>The slot the POST in doubt tried to book; <see langword="null"/> when it was the patient's creation.</summary>
    public Slot? Slot { get; }

    private static string Describe(string key, Slot? slot, Exception cause)
    {
        var what = slot is null
            ? "the patient may have been created"
            : string.Format(CultureInfo.InvariantCulture, "the appointment at {0} with provider {1} may exist", PracticeLocalTime.ToWire(slot.ScheduledStart), slot.ProviderUuid);
        // The cause by type, status and request id only: a server's title or detail is its own text.
        var why = cause is NexGenApiException api
            ? string.Format(CultureInfo.InvariantCulture, "{0}, HTTP {1}, request id {2}", cause.GetType().Name, api.StatusCode, ProblemSummary.RequestIdText(api.RequestId))
            : cause.GetType().Name;
        return string.Format(CultureInfo.InvariantCulture,
            "The booking's outcome is unknown: {0} ({1}). Running the same request again with IdempotencyKey \"{2}\" is safe: it returns that appointment or books one, never two.",
            what, why, key);
    }
}
