using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// The workflow's log events: identifiers and codes only, never patient names. One Information event
/// per booking (booked) or one Warning (failed), each naming the tenant, and a Warning for a duplicate a server
/// made of a resent POST; the steps on the way are Debug.
/// </summary>
internal sealed class BookingLog(ILogger logger, string? organizationId, string? practiceId)
{
    private static readonly Action<ILogger, Guid, string, Exception?> PatientResolvedEvent =
        LoggerMessage.Define<Guid, string>(LogLevel.Debug, new EventId(10, "NexGenBookingPatientResolved"), "Booking: patient {PatientUuid} resolved by {Method}");

    private static readonly Action<ILogger, Guid, string, bool, Exception?> TypeResolvedEvent =
        LoggerMessage.Define<Guid, string, bool>(LogLevel.Debug, new EventId(11, "NexGenBookingTypeResolved"), "Booking: appointment type {AppointmentTypeUuid} ({Code}) resolved, from cache: {FromCache}");

    private static readonly Action<ILogger, string, Guid, int, Exception?> ConflictEvent =
        LoggerMessage.Define<string, Guid, int>(LogLevel.Debug, new EventId(12, "NexGenBookingConflict"), "Booking: slot {ScheduledStart} with provider {ProviderUuid} is taken (attempt {Attempt})");

    private static readonly Action<ILogger, Guid, int, int, string?, string?, Exception?> BookedEvent =
        LoggerMessage.Define<Guid, int, int, string?, string?>(LogLevel.Information, new EventId(13, "NexGenBookingBooked"),
            "Booking: appointment {AppointmentUuid} booked after {Attempts} attempt(s) and {HttpRequests} HTTP request(s) (organisation {OrganizationId}, practice {PracticeId})");

    private static readonly Action<ILogger, string, string?, string?, Exception?> FailedEvent =
        LoggerMessage.Define<string, string?, string?>(LogLevel.Warning, new EventId(14, "NexGenBookingFailed"), "Booking failed: {ErrorType} (organisation {OrganizationId}, practice {PracticeId})");

    private static readonly Action<ILogger, Guid, Guid, string?, string?, Exception?> DuplicateEvent =
        LoggerMessage.Define<Guid, Guid, string?, string?>(LogLevel.Warning, new EventId(15, "NexGenBookingDuplicated"),
            "Booking: appointment {AppointmentUuid}, booked by a resent POST, has a likely duplicate, {DuplicateUuid}: the same booking in the same slot, made during the same call, as by a server that neither replayed the idempotency key nor refused the double booking; nothing was cancelled (organisation {OrganizationId}, practice {PracticeId})");

    private static readonly Action<ILogger, Guid, string, string?, string?, Exception?> DuplicateCheckFailedEvent =
        LoggerMessage.Define<Guid, string, string?, string?>(LogLevel.Warning, new EventId(16, "NexGenBookingDuplicateCheckFailed"),
            "Booking: appointment {AppointmentUuid} was booked by a resent POST, and the look for a duplicate of it failed ({ErrorType}) (organisation {OrganizationId}, practice {PracticeId})");

    /// <summary>The same events, for another tenant.</summary>
    public BookingLog For(string? organization, string? practice) => new(logger, organization, practice);

    public void PatientResolved(Guid patient, string method) => PatientResolvedEvent(logger, patient, method, null);

    public void TypeResolved(Guid type, string code, bool fromCache) => TypeResolvedEvent(logger, type, code, fromCache, null);

    public void Conflict(string start, Guid provider, int attempt) => ConflictEvent(logger, start, provider, attempt, null);

    public void Booked(Guid appointment, int attempts, int httpRequests) => BookedEvent(logger, appointment, attempts, httpRequests, organizationId, practiceId, null);

    public void Failed(string errorType) => FailedEvent(logger, errorType, organizationId, practiceId, null);

    public void Duplicate(Guid appointment, Guid duplicate) => DuplicateEvent(logger, appointment, duplicate, organizationId, practiceId, null);

    public void DuplicateCheckFailed(Guid appointment, string errorType) => DuplicateCheckFailedEvent(logger, appointment, errorType, organizationId, practiceId, null);
}
