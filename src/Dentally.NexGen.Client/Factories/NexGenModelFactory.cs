namespace Dentally.NexGen.Client;

/// <summary>
/// Builds the SDK's results and exceptions for tests, with the same data the SDK gives them (the Azure
/// SDK's model-factory pattern): a test can make a fake <see cref="BookingWorkflow"/> or operations
/// class return a <see cref="BookingResult"/>, or throw a <see cref="NexGenValidationException"/>,
/// without a server. Messages are built exactly as the SDK builds them.
/// </summary>
public static class NexGenModelFactory
{
    /// <summary>
    /// The exception the SDK throws for an error response with this status and problem: the typed
    /// subclass chosen by the problem's <c>type</c>, else by the status code.
    /// </summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="problem">The problem details, or <see langword="null"/> for a body that was not problem JSON.</param>
    /// <param name="requestId">The <c>X-Request-Id</c>.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> wait.</param>
    /// <returns>The exception, not thrown.</returns>
    public static NexGenApiException ApiException(int statusCode, Problem? problem = null, string? requestId = null, TimeSpan? retryAfter = null)
        => ProblemResponseReader.Create(new ApiErrorResponse(statusCode, problem, requestId, retryAfter));

    /// <summary>A 422 <c>validation-error</c>; <see cref="NexGenValidationException.Errors"/> comes from <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem with its <c>errors</c> map.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenValidationException ValidationException(ValidationProblem? problem = null, string? requestId = null)
        => new(Response(422, problem, requestId));

    /// <summary>A 400 <c>malformed-request</c>.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenMalformedRequestException MalformedRequestException(Problem? problem = null, string? requestId = null)
        => new(Response(400, problem, requestId));

    /// <summary>A 401 <c>unauthorized</c>.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenUnauthorizedException UnauthorizedException(Problem? problem = null, string? requestId = null)
        => new(Response(401, problem, requestId));

    /// <summary>A 403 <c>forbidden</c>.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenForbiddenException ForbiddenException(Problem? problem = null, string? requestId = null)
        => new(Response(403, problem, requestId));

    /// <summary>A 404 <c>not-found</c>.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenNotFoundException NotFoundException(Problem? problem = null, string? requestId = null)
        => new(Response(404, problem, requestId));

    /// <summary>A 409 of a problem type the SDK has no subclass for.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenConflictException ConflictException(Problem? problem = null, string? requestId = null)
        => new(Response(409, problem, requestId));

    /// <summary>A 409 <c>slot-conflict</c>; <c>Conflict</c> and <c>SuggestedSlots</c> come from <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem with the conflict and the suggested slots.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenSlotConflictException SlotConflictException(ConflictProblem? problem = null, string? requestId = null)
        => new(Response(409, problem, requestId));

    /// <summary>A 409 <c>invalid-status-transition</c>; the statuses come from <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem with the current status and the allowed transitions.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenInvalidStatusTransitionException InvalidStatusTransitionException(InvalidStatusTransitionProblem? problem = null, string? requestId = null)
        => new(Response(409, problem, requestId));

    /// <summary>A 409 <c>idempotency-key-in-use</c>.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> wait.</param>
    /// <returns>The exception.</returns>
    public static NexGenIdempotencyKeyInUseException IdempotencyKeyInUseException(Problem? problem = null, string? requestId = null, TimeSpan? retryAfter = null)
        => new(new ApiErrorResponse(409, problem, requestId, retryAfter));

    /// <summary>A 422 <c>idempotency-key-mismatch</c>.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenIdempotencyKeyMismatchException IdempotencyKeyMismatchException(Problem? problem = null, string? requestId = null)
        => new(Response(422, problem, requestId));

    /// <summary>A 429 <c>rate-limited</c>.</summary>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> wait.</param>
    /// <returns>The exception.</returns>
    public static NexGenRateLimitedException RateLimitedException(Problem? problem = null, string? requestId = null, TimeSpan? retryAfter = null)
        => new(new ApiErrorResponse(429, problem, requestId, retryAfter));

    /// <summary>A 5xx <c>server-error</c>.</summary>
    /// <param name="statusCode">The status, 500 to 599 (default 500).</param>
    /// <param name="problem">The problem details.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> wait.</param>
    /// <returns>The exception.</returns>
    public static NexGenServerException ServerException(int statusCode = 500, Problem? problem = null, string? requestId = null, TimeSpan? retryAfter = null)
        => new(new ApiErrorResponse(statusCode, problem, requestId, retryAfter));

    /// <summary>A call without a usable answer (the connection failed or dropped, or a success body was broken).</summary>
    /// <param name="reason">What happened, as the SDK would say it (for example "The connection was refused").</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="statusCode">0 when no response arrived, else the success status whose body was broken.</param>
    /// <param name="requestId">The request id, when a response arrived.</param>
    /// <returns>The exception.</returns>
    public static NexGenTransportException TransportException(string reason, Exception innerException, int statusCode = 0, string? requestId = null)
        => new(Response(statusCode, null, requestId), reason, innerException);

    /// <summary>A success response that does not match the contract (a required member missing, a member of another type).</summary>
    /// <param name="operation">The contract's operationId, for example <c>getAppointment</c>.</param>
    /// <param name="path">The JSON path, for example <c>$.scheduled_start</c>.</param>
    /// <param name="kind"><c>missing-required-member</c> or <c>type-changed</c>.</param>
    /// <param name="statusCode">The success status.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The exception.</returns>
    public static NexGenContractViolationException ContractViolationException(string operation, string path, string kind = "missing-required-member", int statusCode = 200, string? requestId = null)
        => new(Response(statusCode, null, requestId), operation, path, kind);

    /// <summary>A call that ran out of time.</summary>
    /// <param name="reason">What happened, as the SDK would say it.</param>
    /// <param name="innerException">The cause (usually a <see cref="TimeoutException"/>).</param>
    /// <returns>The exception.</returns>
    public static NexGenTimeoutException TimeoutException(string reason, Exception innerException)
        => new(Response(0, null, null), reason, innerException);

    /// <summary>One slot the booking workflow tried.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="problemType">The failure's problem type, if any (e.g. <see cref="ProblemTypes.SlotConflict"/>).</param>
    /// <returns>The attempt.</returns>
    public static BookingAttempt BookingAttempt(Slot slot, BookingAttemptOutcome outcome = BookingAttemptOutcome.Booked, string? problemType = null)
        => new(slot, outcome, problemType);

    /// <summary>
    /// What <see cref="BookingWorkflow.BookAsync"/> returns. <see cref="BookingResult.Rebooked"/> is worked
    /// out as the SDK does it: whether <paramref name="appointment"/> is in another slot than <paramref name="requested"/>.
    /// </summary>
    /// <param name="appointment">The booked appointment.</param>
    /// <param name="attempts">Every attempt, in order; by default one <see cref="BookingAttemptOutcome.Booked"/> attempt at the appointment's slot.</param>
    /// <param name="httpRequestCount">How many HTTP requests the booking made.</param>
    /// <param name="idempotencyKey">The booking's key.</param>
    /// <param name="requested">The slot first asked for; by default the first attempt's slot.</param>
    /// <param name="duplicates">The booking's duplicates a server made (<see cref="BookingResult.Duplicates"/>); by default none.</param>
    /// <returns>The result.</returns>
    public static BookingResult BookingResult(Appointment appointment, IReadOnlyList<BookingAttempt>? attempts = null, int httpRequestCount = 2, string idempotencyKey = "booking-key", Slot? requested = null, IReadOnlyList<Appointment>? duplicates = null)
    {
        Guard.NotNull(appointment, nameof(appointment));
        attempts ??= new[] { new BookingAttempt(SlotOf(appointment), BookingAttemptOutcome.Booked, null) };
        if (attempts.Count == 0)
        {
            throw new ArgumentException("A booking has at least one attempt.", nameof(attempts));
        }

        return new BookingResult(appointment, attempts, httpRequestCount, idempotencyKey, requested ?? attempts[0].Slot, duplicates);
    }

    /// <summary>A patient in <see cref="AmbiguousPatientException.Candidates"/>.</summary>
    /// <param name="patient">The matching patient.</param>
    /// <returns>The candidate.</returns>
    public static PatientCandidate PatientCandidate(Patient patient)
        => new(Guard.NotNull(patient, nameof(patient)));

    /// <summary>What <see cref="AppointmentTypeCache.GetAsync(NexGenClient, CancellationToken)"/> returns.</summary>
    /// <param name="types">The organisation's types.</param>
    /// <param name="fromCache">Whether no request was made.</param>
    /// <returns>The lookup.</returns>
    public static AppointmentTypeLookup AppointmentTypeLookup(IReadOnlyList<AppointmentType> types, bool fromCache = false)
        => new(Guard.NotNull(types, nameof(types)), fromCache);

    /// <summary>The patient search matched nobody.</summary>
    /// <param name="filteredByDateOfBirth">Whether the search was narrowed by a date of birth.</param>
    /// <param name="idempotencyKey">The booking's key.</param>
    /// <returns>The exception.</returns>
    public static PatientNotFoundException PatientNotFoundException(bool filteredByDateOfBirth = false, string? idempotencyKey = null)
        => new(filteredByDateOfBirth) { IdempotencyKey = idempotencyKey };

    /// <summary>The patient search matched several patients.</summary>
    /// <param name="candidates">The matches.</param>
    /// <param name="idempotencyKey">The booking's key.</param>
    /// <returns>The exception.</returns>
    public static AmbiguousPatientException AmbiguousPatientException(IReadOnlyList<PatientCandidate> candidates, string? idempotencyKey = null)
        => new(Guard.NotNull(candidates, nameof(candidates))) { IdempotencyKey = idempotencyKey };

    /// <summary>The appointment type is unknown or inactive.</summary>
    /// <param name="requested">The code or uuid asked for.</param>
    /// <param name="inactive">Whether it exists but is inactive.</param>
    /// <param name="idempotencyKey">The booking's key.</param>
    /// <returns>The exception.</returns>
    public static AppointmentTypeUnavailableException AppointmentTypeUnavailableException(string requested, bool inactive = false, string? idempotencyKey = null)
        => new(requested, inactive) { IdempotencyKey = idempotencyKey };

    /// <summary>No provider was given and the patient has no preferred one.</summary>
    /// <param name="patientUuid">The patient.</param>
    /// <param name="idempotencyKey">The booking's key.</param>
    /// <returns>The exception.</returns>
    public static ProviderNotSpecifiedException ProviderNotSpecifiedException(Guid patientUuid, string? idempotencyKey = null)
        => new(patientUuid) { IdempotencyKey = idempotencyKey };

    /// <summary>No slot could be booked within the rebooking policy.</summary>
    /// <param name="reason">Why, as the SDK would say it.</param>
    /// <param name="attempts">Every slot tried.</param>
    /// <param name="alternatives">Every alternative seen.</param>
    /// <param name="lastConflict">The last 409, if any.</param>
    /// <param name="idempotencyKey">The booking's key.</param>
    /// <returns>The exception.</returns>
    public static SlotUnavailableException SlotUnavailableException(string reason, IReadOnlyList<BookingAttempt> attempts, IReadOnlyList<Slot>? alternatives = null, Exception? lastConflict = null, string? idempotencyKey = null)
        => new(reason, Guard.NotNull(attempts, nameof(attempts)), alternatives ?? Array.Empty<Slot>(), lastConflict) { IdempotencyKey = idempotencyKey };

    /// <summary>A POST of the booking may have been applied, but no answer says so.</summary>
    /// <param name="idempotencyKey">The key to run the booking again with.</param>
    /// <param name="slot">The slot the POST tried; <see langword="null"/> for the patient's creation.</param>
    /// <param name="cause">What happened.</param>
    /// <returns>The exception.</returns>
    public static BookingOutcomeUnknownException BookingOutcomeUnknownException(string idempotencyKey, Slot? slot, Exception cause)
        => new(idempotencyKey, slot, Guard.NotNull(cause, nameof(cause)));

    /// <summary>The booking's key was already used for another booking.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cause">The server's 422 <c>idempotency-key-mismatch</c>; by default one without a request id.</param>
    /// <returns>The exception.</returns>
    public static BookingKeyReusedException BookingKeyReusedException(string idempotencyKey, NexGenIdempotencyKeyMismatchException? cause = null)
        => new(idempotencyKey, cause ?? IdempotencyKeyMismatchException());

    private static ApiErrorResponse Response(int statusCode, Problem? problem, string? requestId)
        => new(statusCode, problem, requestId, null);

    private static Slot SlotOf(Appointment appointment) => new()
    {
        ScheduledStart = appointment.ScheduledStart,
        ScheduledEnd = appointment.ScheduledEnd,
        ProviderUuid = appointment.Provider?.Uuid ?? Guid.Empty,
        LocationUuid = appointment.Location?.Uuid ?? Guid.Empty,
    };
}
