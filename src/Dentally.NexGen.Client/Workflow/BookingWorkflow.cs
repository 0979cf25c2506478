using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dentally.NexGen.Client;

/// <summary>
/// Books an appointment in one call, the way the booking guide describes it: find the patient, pick
/// the appointment type (cached), POST the appointment, and on a 409 <c>slot-conflict</c> rebook into
/// a slot the <see cref="RebookingPolicy"/> accepts. Every POST carries an idempotency key derived
/// from the booking's key (<see cref="BookingRequest.IdempotencyKey"/>), so the SDK's retries and a
/// caller's own rerun of the same request with the same key yield the one appointment, never two.
/// Thread-safe: share one instance (DI registers it as a singleton).
/// </summary>
public class BookingWorkflow
{
    /// <summary>
    /// The <see cref="Exception.Data"/> entry that holds the booking's idempotency key on a failure that
    /// is not a <see cref="NexGenBookingException"/> (a later request failing) once a POST has been sent.
    /// </summary>
    public const string IdempotencyKeyDataName = "NexGen.IdempotencyKey";

    private readonly NexGenClient _client;
    private readonly AppointmentTypeCache _types;
    private readonly BookingLog _log;
    private readonly BookingMetrics _metrics;

    /// <summary>For mocking: a test double derived from this class overrides <see cref="BookAsync"/>.</summary>
    protected BookingWorkflow()
    {
        _client = null!;
        _types = null!;
        _log = null!;
        _metrics = null!;
    }

    /// <summary>Creates the workflow over a client.</summary>
    /// <param name="client">The configured client.</param>
    /// <param name="appointmentTypes">The type cache to share; by default a new one with a 10-minute lifetime.</param>
    /// <param name="logger">Where step events go (identifiers only, never patient names).</param>
    public BookingWorkflow(NexGenClient client, AppointmentTypeCache? appointmentTypes = null, ILogger<BookingWorkflow>? logger = null)
    {
        _client = Guard.NotNull(client, nameof(client));
        _types = appointmentTypes ?? new AppointmentTypeCache(client.Options.AppointmentTypeCacheDuration, client.Options.TimeProvider);
        _log = new BookingLog(logger ?? (ILogger)NullLogger.Instance, client.OrganizationId, client.PracticeId);
        _metrics = new BookingMetrics(client.OrganizationId, client.PracticeId);
    }

    private BookingWorkflow(NexGenClient client, AppointmentTypeCache appointmentTypes, BookingLog log)
    {
        _client = client;
        _types = appointmentTypes;
        _log = log.For(client.OrganizationId, client.PracticeId);
        _metrics = new BookingMetrics(client.OrganizationId, client.PracticeId);
    }

    /// <summary>
    /// The workflow for another organisation and practice: over <see cref="NexGenClient.ForPractice"/> of
    /// this workflow's client (same pipeline, same connections), with the same type cache (each
    /// practice's types are fetched with its own token and <c>X-Practice-Id</c> and cached for it alone,
    /// so one practice's refusal never fails another's booking) and the same logger.
    /// </summary>
    /// <param name="organizationId">The organisation (<c>/api/v1/{org_id}</c>).</param>
    /// <param name="practiceId">The practice (<c>X-Practice-Id</c>).</param>
    /// <returns>The workflow for that practice.</returns>
    /// <exception cref="ArgumentException">An id is empty, has surrounding white space, or has characters other than printable ASCII.</exception>
    public virtual BookingWorkflow ForPractice(string organizationId, string practiceId)
        => new(_client.ForPractice(organizationId, practiceId), _types, _log);

    /// <summary>Books the appointment described by <paramref name="request"/>.</summary>
    /// <remarks>
    /// Everything that can refuse the booking for good is settled before its first write (the patient
    /// it may create, the first POST): the whole request, the rebooking window included, before
    /// anything is sent; the appointment type and the length (<see cref="BookingRequest.End"/> against
    /// the type's duration) before <see cref="BookingRequest.CreatePatientIfMissing"/> creates anyone.
    /// A 409 <c>slot-conflict</c> answering a POST the SDK sent more than once is checked against the
    /// booking's own appointment in that slot before anything is rebooked or the booking fails.
    /// </remarks>
    /// <param name="request">Who, what, where, with whom, when, and the rebooking policy.</param>
    /// <param name="cancellationToken">Stops the workflow at once.</param>
    /// <returns>The appointment, the attempts it took and the number of HTTP requests made.</returns>
    /// <exception cref="ArgumentException">
    /// The request is invalid, or its rebooking window would end after 9999-12-31: nothing was sent.
    /// Or <see cref="BookingRequest.End"/> is shorter than the type's duration (or the type's duration
    /// runs past 9999-12-31): only reads were sent, nothing was written.
    /// </exception>
    /// <exception cref="PatientNotFoundException">No patient matches and none may be created.</exception>
    /// <exception cref="AmbiguousPatientException">Several patients match.</exception>
    /// <exception cref="AppointmentTypeUnavailableException">The type is unknown or inactive; nothing was written (no patient was created).</exception>
    /// <exception cref="ProviderNotSpecifiedException">No provider given and the patient has no preferred one.</exception>
    /// <exception cref="SlotUnavailableException">No slot could be booked within the policy.</exception>
    /// <exception cref="BookingOutcomeUnknownException">A POST may have been applied, but no answer says so: run the same request again with the same key.</exception>
    /// <exception cref="BookingKeyReusedException">The key was already used for a different booking.</exception>
    /// <exception cref="NexGenApiException">The API refused a request (for example 422 validation).</exception>
    /// <exception cref="OperationCanceledException">
    /// The caller cancelled. When the request carries its own key, this holds even after a POST went out:
    /// the caller knows the key, and running the request again with it is safe. Without a key, a
    /// cancellation after a POST went out is a <see cref="BookingOutcomeUnknownException"/> that carries the key made for the call,
    /// unless every send of it was refused before it was applied (a 429 whose <c>Retry-After</c> was being waited out).
    /// </exception>
    public virtual async Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken = default)
    {
        BookingRequestValidator.Validate(request);
        var keys = BookingKeys.For(request.IdempotencyKey);
        using var counting = RequestCounter.Begin();
        using var activity = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.Book");
        activity?.SetTag(NexGenDiagnostics.OrganizationIdTag, _client.OrganizationId);
        activity?.SetTag(NexGenDiagnostics.PracticeIdTag, _client.PracticeId);
        try
        {
            // Everything that can refuse the booking for good (the patient search, the type, the
            // length; the window was validated) is settled before the first write: a refused booking
            // never leaves a patient it created behind. (The provider may come from the created
            // patient: the server's answer names its preferred provider.)
            var found = await FindPatientAsync(request, cancellationToken).ConfigureAwait(false);
            var type = await ResolveTypeAsync(request, cancellationToken).ConfigureAwait(false);
            var length = LengthOf(request, type);
            var patient = found ?? await CreatePatientAsync(request, keys, cancellationToken).ConfigureAwait(false);
            var provider = request.ProviderUuid ?? patient.PreferredProviderUuid ?? throw new ProviderNotSpecifiedException(patient.Uuid);
            activity?.SetTag("nexgen.patient_uuid", patient.Uuid.ToString());
            activity?.SetTag("nexgen.appointment_type_uuid", type.Uuid.ToString());
            var booking = new SlotBooking(_client, _log, _metrics, request, keys, patient.Uuid, type.Uuid, provider, length);
            var (appointment, attempts) = await booking.RunAsync(cancellationToken).ConfigureAwait(false);

            var result = new BookingResult(appointment, attempts, counting.Counter.Count, keys.BookingKey, booking.Requested, booking.Duplicates);
            _metrics.Booked();
            activity?.SetTag("nexgen.appointment_uuid", appointment.Uuid.ToString());
            activity?.SetTag("nexgen.rebooked", result.Rebooked);
            _log.Booked(appointment.Uuid, attempts.Count, result.HttpRequestCount);
            return result;
        }
        catch (Exception exception)
        {
            if (exception is NexGenBookingException failed)
            {
                failed.IdempotencyKey ??= keys.BookingKey;
            }
            else if (keys.Posted)
            {
                // Any other failure after a POST went out (a later GET, say) still tells the key to run again with.
                exception.Data[IdempotencyKeyDataName] = keys.BookingKey;
            }

            _metrics.Failed();
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            _log.Failed(exception.GetType().Name);
            throw;
        }
    }

    /// <summary>The appointment's length: the type's duration, or up to <see cref="BookingRequest.End"/> when that is later.</summary>
    private static TimeSpan LengthOf(BookingRequest request, AppointmentType type)
    {
        var duration = TimeSpan.FromMinutes(type.DurationMinutes);
        // (A duration the server gives as zero or less is refused with the POST's own check of its body.)
        if (duration > TimeSpan.Zero && request.Start > DateTime.MaxValue - duration)
        {
            throw new ArgumentException($"request.Start plus the type's {type.DurationMinutes} minutes would end after 9999-12-31T23:59:59, the last time a DateTime holds.", "request.Start");
        }

        var end = request.End ?? request.Start + duration;
        if (end < request.Start + duration)
        {
            throw new ArgumentException($"request.End must be at least the type's {type.DurationMinutes} minutes after request.Start.", "request.End");
        }

        return end - request.Start;
    }

    /// <summary>The patient by uuid or search; <see langword="null"/> when none matches and <see cref="BookingRequest.CreatePatientIfMissing"/> says to create one.</summary>
    private async Task<ResolvedPatient?> FindPatientAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        using var step = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.ResolvePatient");
        if (request.PatientUuid is { } uuid)
        {
            if (request.ProviderUuid is not null)
            {
                // Nothing to look up: the uuid and the provider are all the POST needs.
                return new ResolvedPatient(uuid, null);
            }

            var known = await _client.Patients.GetAsync(uuid, cancellationToken).ConfigureAwait(false);
            _log.PatientResolved(known.Uuid, "uuid");
            return new ResolvedPatient(known.Uuid, known.PreferredProviderUuid);
        }

        var matches = new List<Patient>();
        await foreach (var patient in _client.Patients.SearchAllAsync(request.PatientQuery, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A patient met again on a later page (offset paging: a record added between two page
            // requests shifts the rest) is the same match, not a second one.
            if ((request.PatientDateOfBirth is not { } born || patient.DateOfBirth.Date == born.Date)
                && !matches.Exists(match => match.Uuid == patient.Uuid))
            {
                matches.Add(patient);
            }
        }

        // A server may answer a patient who holds one word of the query ("Jane Doe" for "Jane Smith", as one
        // matching either word does): that is not the patient asked for, even when no one else is left. With a
        // patient to create if missing, only one of that name is the patient (Jane Smithson is not Jane Smith).
        var words = PatientQueryWords.Of(request.PatientQuery!);
        var named = request.CreatePatientIfMissing;
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            if (PatientQueryWords.Runtime.HoldsAll(matches[i], words) == NameMatch.No
                || (named is { FirstName: { } first, LastName: { } last } && PatientQueryWords.Runtime.IsNamed(matches[i], first, last) == NameMatch.No))
            {
                matches.RemoveAt(i);
            }
        }

        matches = FullNameMatch.Narrow(matches, request.PatientQuery);
        switch (matches.Count)
        {
            case 1:
                _log.PatientResolved(matches[0].Uuid, "search");
                return new ResolvedPatient(matches[0].Uuid, matches[0].PreferredProviderUuid);
            case 0 when request.CreatePatientIfMissing is not null:
                return null;
            case 0:
                throw new PatientNotFoundException(request.PatientDateOfBirth is not null);
            default:
                throw new AmbiguousPatientException(matches.Select(m => new PatientCandidate(m)).ToList());
        }
    }

    private async Task<ResolvedPatient> CreatePatientAsync(BookingRequest request, BookingKeys keys, CancellationToken cancellationToken)
    {
        using var step = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.CreatePatient");
        using var sends = RequestCounter.Begin();
        Patient created;
        try
        {
            created = await BookingPost.SendAsync(
                () => _client.Patients.CreateAsync(request.CreatePatientIfMissing!, keys.Patient, cancellationToken), keys, slot: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception refusal) when (sends.Counter.InDoubt > 0 && BookingPost.IsRefusal(refusal))
        {
            // A refusal of a POST an earlier send of which may have been applied (not one refused, as a 401
            // before a token refresh) may answer a retry after the first send created the patient and the
            // server forgot the key: the search that found no one is asked again.
            if (await BookingPost.SettleAsync(() => FindPatientAsync(request, cancellationToken), keys, slot: null, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            throw;
        }

        _log.PatientResolved(created.Uuid, "created");
        return new ResolvedPatient(created.Uuid, created.PreferredProviderUuid);
    }

    private async Task<AppointmentType> ResolveTypeAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        using var step = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.ResolveAppointmentType");
        var requested = request.AppointmentTypeCode ?? request.AppointmentTypeUuid!.Value.ToString();
        var (types, fetched) = await _types.GetAsync(_client, refresh: false, cancellationToken).ConfigureAwait(false);
        var type = Find(types, request);
        if (type is null && !fetched)
        {
            // A type created since the cache was filled: refresh once, then give up.
            (types, fetched) = await _types.GetAsync(_client, refresh: true, cancellationToken).ConfigureAwait(false);
            type = Find(types, request);
        }

        if (type is null)
        {
            throw new AppointmentTypeUnavailableException(requested, inactive: false, types);
        }

        if (!type.IsActive)
        {
            throw new AppointmentTypeUnavailableException(requested, inactive: true, types);
        }

        _log.TypeResolved(type.Uuid, type.Code, !fetched);
        step?.SetTag("nexgen.from_cache", !fetched);
        return type;
    }

    /// <summary>
    /// The type by uuid, or by code: the contract does not make codes unique, and an archived type may
    /// keep the code of the one that replaced it, listed before it. An active type with the code wins;
    /// only when every type with it is inactive is one of those returned (and refused as inactive).
    /// </summary>
    private static AppointmentType? Find(IList<AppointmentType> types, BookingRequest request)
    {
        if (request.AppointmentTypeUuid is { } uuid)
        {
            return types.FirstOrDefault(t => t.Uuid == uuid);
        }

        AppointmentType? inactive = null;
        foreach (var type in types)
        {
            if (string.Equals(type.Code, request.AppointmentTypeCode, StringComparison.OrdinalIgnoreCase))
            {
                if (type.IsActive)
                {
                    return type;
                }

                inactive ??= type;
            }
        }

        return inactive;
    }

    private readonly struct ResolvedPatient(Guid uuid, Guid? preferredProviderUuid)
    {
        public Guid Uuid { get; } = uuid;

        public Guid? PreferredProviderUuid { get; } = preferredProviderUuid;
    }
}
