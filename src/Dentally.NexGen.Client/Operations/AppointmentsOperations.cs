namespace Dentally.NexGen.Client;

/// <summary>Booking, listing, moving, progressing and cancelling appointments.</summary>
public class AppointmentsOperations
{
    // The generated enum's names, so that a message lists the spec's status targets.
#if NET5_0_OR_GREATER
    private static readonly string StatusTargets = string.Join(", ", Enum.GetNames<StatusChangeTarget>());
#else
    private static readonly string StatusTargets = string.Join(", ", Enum.GetNames(typeof(StatusChangeTarget)));
#endif

    private readonly IAppointmentsClient _raw;
    private readonly NexGenScope _scope;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected AppointmentsOperations()
    {
        _raw = null!;
        _scope = null!;
    }

    internal AppointmentsOperations(IAppointmentsClient raw, NexGenScope scope)
    {
        _raw = raw;
        _scope = scope;
    }

    /// <summary>
    /// Books an appointment. The call carries an idempotency key, so the SDK's own retries after a lost
    /// response return the one appointment. Calling this method again makes a new key: to retry safely
    /// yourself, pass your own <paramref name="idempotencyKey"/> (or book through <see cref="BookingWorkflow"/>
    /// with <see cref="BookingRequest.IdempotencyKey"/>). A conflicting booking throws <see cref="NexGenSlotConflictException"/>.
    /// </summary>
    /// <param name="appointment">Who, what, where, with whom and when (practice-local).</param>
    /// <param name="idempotencyKey">Your own key; by default a new one per call (when automatic keys are on).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The booked appointment (status <c>scheduled</c>).</returns>
    public virtual Task<Appointment> CreateAsync(NewAppointment appointment, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(appointment, nameof(appointment));
        var body = new AppointmentCreate
        {
            PatientUuid = Validate.Id(appointment.PatientUuid, "appointment.PatientUuid"),
            AppointmentTypeUuid = Validate.Id(appointment.AppointmentTypeUuid, "appointment.AppointmentTypeUuid"),
            LocationUuid = Validate.Id(appointment.LocationUuid, "appointment.LocationUuid"),
            ProviderUuid = Validate.Id(appointment.ProviderUuid, "appointment.ProviderUuid"),
            Notes = Validate.MaxLength(appointment.Notes, ContractNumbers.AppointmentCreateNotesMaxLength, "appointment.Notes"),
        };
        var start = Validate.Required(appointment.ScheduledStart, "appointment.ScheduledStart");
        (body.ScheduledStart, body.ScheduledEnd) = Validate.Window(start, appointment.ScheduledEnd, "appointment.ScheduledStart", "appointment.ScheduledEnd", maxDays: null);
        return SendCreateAsync(body, idempotencyKey, cancellationToken);
    }

    /// <summary>As <see cref="CreateAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="appointment">Who, what, where, with whom and when (practice-local).</param>
    /// <param name="idempotencyKey">Your own key; by default a new one per call (when automatic keys are on).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Appointment>> CreateWithResponseAsync(NewAppointment appointment, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => CreateAsync(appointment, idempotencyKey, cancellationToken));

    /// <summary>
    /// Sends a body the booking workflow built from its slots (validated request times, or server
    /// slots): going through <see cref="NewAppointment"/> would copy every member again on every
    /// booking. What the workflow takes from the server (a patient's preferred provider, a type's
    /// duration, a suggested slot) is checked here as the public overload checks it, before anything is sent.
    /// </summary>
    internal Task<Appointment> CreateFromBodyAsync(AppointmentCreate body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        Validate.Id(body.PatientUuid, "appointment.PatientUuid");
        Validate.Id(body.AppointmentTypeUuid, "appointment.AppointmentTypeUuid");
        Validate.Id(body.LocationUuid, "appointment.LocationUuid");
        Validate.Id(body.ProviderUuid, "appointment.ProviderUuid");
        Validate.EndAfterStart(body.ScheduledEnd > body.ScheduledStart, "appointment.ScheduledStart", "appointment.ScheduledEnd");
        return SendCreateAsync(body, idempotencyKey, cancellationToken);
    }

    private Task<Appointment> SendCreateAsync(AppointmentCreate body, string? idempotencyKey, CancellationToken cancellationToken)
        => _raw.CreateAppointmentAsync(body, _scope.OrganizationId, _scope.PracticeId, _scope.IdempotencyKey(idempotencyKey), cancellationToken);

    /// <summary>Lists one page of appointments.</summary>
    /// <param name="query">Filters; <see langword="null"/> for none.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Items per page, from 1 to the contract's <c>page_size</c> maximum.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<AppointmentPage> ListAsync(AppointmentQuery? query = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var filter = Filter(query);
        return _raw.ListAppointmentsAsync(_scope.OrganizationId, _scope.PracticeId, filter.Patient, filter.Provider, filter.Location, filter.Status, filter.From, filter.To,
            Validate.Page(page), Validate.PageSize(pageSize), cancellationToken);
    }

    /// <summary>As <see cref="ListAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="query">Filters; <see langword="null"/> for none.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Items per page, from 1 to the contract's <c>page_size</c> maximum.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<AppointmentPage>> ListWithResponseAsync(AppointmentQuery? query = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => ListAsync(query, page, pageSize, cancellationToken));

    /// <summary>Every matching appointment, fetched page by page as the caller enumerates.</summary>
    /// <param name="query">Filters; <see langword="null"/> for none.</param>
    /// <param name="pageSize">Items per request, from 1 to the contract's <c>page_size</c> maximum (the default).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The appointments.</returns>
    public virtual IAsyncEnumerable<Appointment> ListAllAsync(AppointmentQuery? query = null, int pageSize = Validate.MaxPageSize, CancellationToken cancellationToken = default)
    {
        var filter = Filter(query);
        Validate.PageSize(pageSize);
        return Pager.WalkAsync(
            "listAppointments",
            (page, ct) => _raw.ListAppointmentsAsync(_scope.OrganizationId, _scope.PracticeId, filter.Patient, filter.Provider, filter.Location, filter.Status, filter.From, filter.To, page, pageSize, ct),
            p => new PageShape<Appointment>(p.Items, p.Page, p.PageSize, p.Total), item => item.Uuid, pageSize, cancellationToken);
    }

    /// <summary>Gets one appointment.</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appointment.</returns>
    public virtual Task<Appointment> GetAsync(Guid appointmentUuid, CancellationToken cancellationToken = default)
        => _raw.GetAppointmentAsync(_scope.OrganizationId, Validate.Id(appointmentUuid, nameof(appointmentUuid)), _scope.PracticeId, cancellationToken);

    /// <summary>As <see cref="GetAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Appointment>> GetWithResponseAsync(Guid appointmentUuid, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => GetAsync(appointmentUuid, cancellationToken));

    /// <summary>Changes the notes or moves the appointment (both times together).</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="changes">What to change; at least one member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated appointment.</returns>
    public virtual Task<Appointment> UpdateAsync(Guid appointmentUuid, AppointmentChanges changes, CancellationToken cancellationToken = default)
    {
        Validate.Id(appointmentUuid, nameof(appointmentUuid));
        Guard.NotNull(changes, nameof(changes));
        var body = new AppointmentUpdate { Notes = Validate.MaxLength(changes.Notes, ContractNumbers.AppointmentUpdateNotesMaxLength, "changes.Notes") };
        if (changes.ScheduledStart is { } start && changes.ScheduledEnd is { } end)
        {
            (body.ScheduledStart, body.ScheduledEnd) = Validate.Window(Validate.Required(start, "changes.ScheduledStart"), end, "changes.ScheduledStart", "changes.ScheduledEnd", maxDays: null);
        }
        else if (changes.ScheduledStart is not null || changes.ScheduledEnd is not null)
        {
            throw new ArgumentException("Moving an appointment needs both changes.ScheduledStart and changes.ScheduledEnd.", nameof(changes));
        }
        else if (changes.Notes is null)
        {
            throw new ArgumentException("changes must change at least one of Notes, ScheduledStart and ScheduledEnd.", nameof(changes));
        }

        return _raw.UpdateAppointmentAsync(body, _scope.OrganizationId, appointmentUuid, _scope.PracticeId, cancellationToken);
    }

    /// <summary>As <see cref="UpdateAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="changes">What to change; at least one member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Appointment>> UpdateWithResponseAsync(Guid appointmentUuid, AppointmentChanges changes, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => UpdateAsync(appointmentUuid, changes, cancellationToken));

    /// <summary>Moves the appointment along its lifecycle (scheduled → confirmed → arrived → completed).</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appointment in its new status.</returns>
    public virtual Task<Appointment> ChangeStatusAsync(Guid appointmentUuid, StatusChangeTarget status, CancellationToken cancellationToken = default)
    {
        Validate.Id(appointmentUuid, nameof(appointmentUuid));
#if NET5_0_OR_GREATER
        if (!Enum.IsDefined(status))
#else
        if (!Enum.IsDefined(typeof(StatusChangeTarget), status))
#endif
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"status must be one of {StatusTargets}.");
        }

        return _raw.ChangeAppointmentStatusAsync(new AppointmentStatusChange { Status = status }, _scope.OrganizationId, appointmentUuid, _scope.PracticeId, cancellationToken);
    }

    /// <summary>As <see cref="ChangeStatusAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Appointment>> ChangeStatusWithResponseAsync(Guid appointmentUuid, StatusChangeTarget status, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => ChangeStatusAsync(appointmentUuid, status, cancellationToken));

    /// <summary>Cancels a scheduled or confirmed appointment.</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="reason">Why (optional, within the contract's maximum length for <c>reason</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cancelled appointment.</returns>
    public virtual Task<Appointment> CancelAsync(Guid appointmentUuid, string? reason = null, CancellationToken cancellationToken = default)
    {
        Validate.Id(appointmentUuid, nameof(appointmentUuid));
        Validate.MaxLength(reason, ContractNumbers.AppointmentCancelReasonMaxLength, nameof(reason));
        return _raw.CancelAppointmentAsync(new AppointmentCancel { Reason = reason }, _scope.OrganizationId, appointmentUuid, _scope.PracticeId, cancellationToken);
    }

    /// <summary>As <see cref="CancelAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="reason">Why (optional, within the contract's maximum length for <c>reason</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Appointment>> CancelWithResponseAsync(Guid appointmentUuid, string? reason = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => CancelAsync(appointmentUuid, reason, cancellationToken));

    private static (Guid? Patient, Guid? Provider, Guid? Location, string? Status, string? From, string? To) Filter(AppointmentQuery? query)
    {
        if (query is null)
        {
            return default;
        }

        string? from = null, to = null;
        if (query.From is { } f && query.To is { } t)
        {
            Validate.Window(f, t, "query.From", "query.To", maxDays: null);
            (from, to) = (PracticeLocalTime.ToWire(f), PracticeLocalTime.ToWire(t));
        }
        else
        {
            from = query.From is { } onlyFrom ? PracticeLocalTime.ToWire(onlyFrom, "query.From") : null;
            to = query.To is { } onlyTo ? PracticeLocalTime.ToWire(onlyTo, "query.To") : null;
        }

        if (query.Status is not null)
        {
            Validate.Text(query.Status, "query.Status");
        }

        return (Validate.OptionalId(query.PatientUuid, "query.PatientUuid"), Validate.OptionalId(query.ProviderUuid, "query.ProviderUuid"),
            Validate.OptionalId(query.LocationUuid, "query.LocationUuid"), query.Status, from, to);
    }
}
