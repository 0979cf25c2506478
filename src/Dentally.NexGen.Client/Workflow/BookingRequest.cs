namespace Dentally.NexGen.Client;

/// <summary>
/// One booking for <see cref="BookingWorkflow.BookAsync"/>: who, what, where, with whom, when, and how
/// to rebook when the slot is taken. Times are practice-local (<see cref="DateTimeKind.Unspecified"/>).
/// </summary>
public sealed class BookingRequest
{
    /// <summary>The patient, when known. Set this or <see cref="PatientQuery"/>.</summary>
    public Guid? PatientUuid { get; set; }

    /// <summary>A name to search for (first, last, or both; no longer than the contract's <c>maxLength</c> for <c>searchPatients</c>' <c>query</c>). Set this or <see cref="PatientUuid"/>.</summary>
    public string? PatientQuery { get; set; }

    /// <summary>Narrows a <see cref="PatientQuery"/> to the patient born on this date.</summary>
    public DateTime? PatientDateOfBirth { get; set; }

    /// <summary>When the search finds nobody, create this patient (with an idempotency key) instead of failing.</summary>
    public PatientCreate? CreatePatientIfMissing { get; set; }

    /// <summary>The appointment type's code, e.g. <c>NPE</c>. Set this or <see cref="AppointmentTypeUuid"/>.</summary>
    public string? AppointmentTypeCode { get; set; }

    /// <summary>The appointment type. Set this or <see cref="AppointmentTypeCode"/>.</summary>
    public Guid? AppointmentTypeUuid { get; set; }

    /// <summary>The site.</summary>
    public Guid LocationUuid { get; set; }

    /// <summary>The provider; by default the patient's preferred provider.</summary>
    public Guid? ProviderUuid { get; set; }

    /// <summary>The practice-local start.</summary>
    public DateTime Start { get; set; }

    /// <summary>The practice-local end; by default start plus the type's duration. May be later, not earlier.</summary>
    public DateTime? End { get; set; }

    /// <summary>Notes for the appointment, within the contract's maximum length for <c>notes</c>.</summary>
    public string? Notes { get; set; }

    /// <summary>
    /// Your reference for this booking (1 to 200 visible ASCII characters), e.g. your own booking id.
    /// Every POST of the booking carries a key derived from it, so running the same request again with
    /// the same key (after a lost answer, a timeout, a cancellation or a crash) returns the one
    /// appointment instead of booking a second. The same key with a different request is refused
    /// (<see cref="BookingKeyReusedException"/>). Without it, the workflow makes a key per call and
    /// reports it on <see cref="BookingResult.IdempotencyKey"/> and on its exceptions.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>What to do when the slot is already taken.</summary>
    public RebookingPolicy Rebooking { get; set; } = new();
}
