namespace Dentally.NexGen.Client;

/// <summary>The problem <c>type</c> URIs defined by the NexGen API contract.</summary>
public static class ProblemTypes
{
    /// <summary>The prefix every NexGen problem type URI starts with.</summary>
    public const string Prefix = "https://docs.api.dentally.com/problems/";

    /// <summary>422: field values are invalid; the problem carries <c>errors</c>.</summary>
    public const string ValidationError = Prefix + "validation-error";

    /// <summary>400: the request could not be read.</summary>
    public const string MalformedRequest = Prefix + "malformed-request";

    /// <summary>401: the bearer token is missing or invalid.</summary>
    public const string Unauthorized = Prefix + "unauthorized";

    /// <summary>403: the token may not see the organisation or practice.</summary>
    public const string Forbidden = Prefix + "forbidden";

    /// <summary>404: no such resource.</summary>
    public const string NotFound = Prefix + "not-found";

    /// <summary>409: the provider or operatory is already booked; carries <c>conflict</c> and <c>suggested_slots</c>.</summary>
    public const string SlotConflict = Prefix + "slot-conflict";

    /// <summary>409: the appointment's status does not allow the change; carries <c>current_status</c> and <c>allowed_transitions</c>.</summary>
    public const string InvalidStatusTransition = Prefix + "invalid-status-transition";

    /// <summary>409: a request with the same idempotency key is still running.</summary>
    public const string IdempotencyKeyInUse = Prefix + "idempotency-key-in-use";

    /// <summary>422: the idempotency key was used before with a different body.</summary>
    public const string IdempotencyKeyMismatch = Prefix + "idempotency-key-mismatch";

    /// <summary>429: too many requests.</summary>
    public const string RateLimited = Prefix + "rate-limited";

    /// <summary>500 or 503: a server-side failure.</summary>
    public const string ServerError = Prefix + "server-error";

    /// <summary>Whether <paramref name="type"/> is one of the contract's problem types (the constants above).</summary>
    internal static bool IsDocumented(string? type) => type is ValidationError or MalformedRequest or Unauthorized or Forbidden or NotFound
        or SlotConflict or InvalidStatusTransition or IdempotencyKeyInUse or IdempotencyKeyMismatch or RateLimited or ServerError;
}
