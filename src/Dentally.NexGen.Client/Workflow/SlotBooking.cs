using System.Diagnostics;

namespace Dentally.NexGen.Client;

/// <summary>
/// The POST-and-rebook loop of one booking: try the requested slot, and after each 409
/// <c>slot-conflict</c> the first suggested slot the policy accepts, else the earliest acceptable slot
/// from the availability endpoint, until one is booked or the policy is exhausted. With the caller's
/// key, before the first replacement it looks for the appointment an earlier run of the same booking
/// made (<see cref="EarlierRun"/>), and returns that one instead of booking a second; with any key, a
/// conflict or a refusal answering a POST an earlier send of which may have been applied
/// (<see cref="RequestCounter.InDoubt"/>) is first checked against the booking's own appointment in that slot.
/// </summary>
internal sealed class SlotBooking
{
    private readonly NexGenClient _client;
    private readonly BookingLog _log;
    private readonly BookingMetrics _metrics;
    private readonly BookingRequest _request;
    private readonly BookingKeys _keys;
    private readonly Guid _patient;
    private readonly Guid _type;
    private readonly Guid _provider;
    private readonly TimeSpan _length;
    private readonly DateTime _windowEnd;
    private readonly List<BookingAttempt> _attempts = new(capacity: 1);

    // Only a conflict needs these: they are created on the first one, so a booking that succeeds at
    // once allocates neither.
    private List<Slot>? _alternatives;
    private HashSet<(Guid Provider, Guid Location, DateTime Start)>? _tried;

    public SlotBooking(NexGenClient client, BookingLog log, BookingMetrics metrics, BookingRequest request, BookingKeys keys, Guid patient, Guid type, Guid provider, TimeSpan length)
    {
        _client = client;
        _log = log;
        _metrics = metrics;
        _request = request;
        _keys = keys;
        _patient = patient;
        _type = type;
        _provider = provider;
        _length = length;
        _windowEnd = request.Rebooking.WindowEnd(request.Start);
    }

    /// <summary>
    /// Other appointments of this booking in the slot it booked, which a server made when it answered the
    /// SDK's resend of a POST whose first send it had applied with a second appointment, neither replaying
    /// the key nor refusing the double booking. Empty on a server that keeps its contract.
    /// </summary>
    public IReadOnlyList<Appointment> Duplicates { get; private set; } = [];

    /// <summary>The slot the request asked for.</summary>
    public Slot Requested => new()
    {
        ProviderUuid = _provider,
        LocationUuid = _request.LocationUuid,
        ScheduledStart = PracticeLocalTime.Check(_request.Start, "request.Start"),
        ScheduledEnd = PracticeLocalTime.Check(_request.Start + _length, "request.End"),
    };

    public async Task<(Appointment Appointment, IReadOnlyList<BookingAttempt> Attempts)> RunAsync(CancellationToken cancellationToken)
    {
        var slot = Requested;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NexGenSlotConflictException conflict;
            bool resent;
            using (var step = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.CreateAppointment"))
            {
                step?.SetTag("nexgen.attempt", _attempts.Count + 1);
                using var sends = RequestCounter.Begin();
                try
                {
                    var body = ToBody(slot);
                    var key = _attempts.Count == 0 ? _keys.FirstChoice : _keys.Rebooking(slot);
                    var appointment = await BookingPost.SendAsync(
                        () => _client.Appointments.CreateFromBodyAsync(body, key, cancellationToken), _keys, slot, cancellationToken).ConfigureAwait(false);
                    _attempts.Add(new BookingAttempt(slot, BookingAttemptOutcome.Booked, null));

                    // The 201 itself counts as in doubt (RequestCounter.RecordAttemptEnd): more than one means the POST was sent again.
                    if (sends.Counter.InDoubt > 1)
                    {
                        Duplicates = await DuplicatesOfAsync(appointment, cancellationToken).ConfigureAwait(false);
                    }

                    return (appointment, _attempts);
                }
                catch (NexGenSlotConflictException exception)
                {
                    step?.SetStatus(ActivityStatusCode.Error, "slot-conflict");
                    conflict = exception;
                    // The 409 itself counts as in doubt (RequestCounter.RecordAttemptEnd): an earlier send must be too.
                    resent = sends.Counter.InDoubt > 1;
                }
                catch (Exception refusal) when (BookingPost.IsRefusal(refusal) && (sends.Counter.InDoubt > 0 || IsRerunOfUsedKey(refusal)))
                {
                    step?.SetStatus(ActivityStatusCode.Error, refusal.GetType().Name);
                    if (await SettleRefusalAsync(slot, refusal, resent: sends.Counter.InDoubt > 0, cancellationToken).ConfigureAwait(false) is { } booked)
                    {
                        return (booked, _attempts);
                    }

                    throw;
                }
            }

            // A conflict answering a POST sent more than once is no proof that someone else holds the
            // slot: an earlier send may have committed, its answer lost, and the server forgotten the
            // key before the retry, which then met this booking's own appointment. Settled before
            // anything else is booked or the booking fails.
            if (resent && await FindOwnAsync(slot, cancellationToken).ConfigureAwait(false) is { } own)
            {
                _attempts.Add(new BookingAttempt(slot, BookingAttemptOutcome.Booked, null));
                return (own, _attempts);
            }

            _metrics.Conflict();
            (_tried ??= []).Add(Key(slot));
            _attempts.Add(new BookingAttempt(slot, BookingAttemptOutcome.Conflict, conflict.ProblemType));
            _log.Conflict(PracticeLocalTime.ToWire(slot.ScheduledStart), slot.ProviderUuid, _attempts.Count);
            Remember(conflict.SuggestedSlots);

            // A booking with the caller's key may be a rerun whose first choice is taken by the
            // earlier run's own appointment (the server no longer replaying its answer), or whose
            // earlier run rebooked: that appointment is returned before any replacement is booked.
            if (_attempts.Count == 1 && _keys.FromCaller && await EarlierRunAsync(cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return (AlreadyBooked(earlier), _attempts);
            }

            if (_attempts.Count > _request.Rebooking.MaxRebookAttempts)
            {
                throw Unavailable($"the policy allows {_request.Rebooking.MaxRebookAttempts} rebook attempt(s)", conflict);
            }

            var next = conflict.SuggestedSlots.FirstOrDefault(Fits) ?? await FindAvailableAsync(cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                throw Unavailable("no free slot fits the rebooking policy", conflict);
            }

            _metrics.Rebook();
            slot = WithRequestedLength(next);
        }
    }

    /// <summary>
    /// A refusal (422, 400, 404, a key "used with another body") is no proof that nothing was booked
    /// when a server that forgot the key gave it: to a POST an earlier send of which may have committed
    /// (this booking's appointment in <paramref name="slot"/>), or to the first choice of a rerun whose
    /// key the server says was used before (<see cref="IsRerunOfUsedKey"/>: the earlier run's
    /// appointment, in the whole window). The appointment found, recorded as an attempt, is the
    /// booking's; none: the refusal stands. Any other refusal says nothing of an earlier run, so it
    /// stands as it is: a same-day appointment of the patient would otherwise turn it into a success.
    /// </summary>
    private async Task<Appointment?> SettleRefusalAsync(Slot slot, Exception refusal, bool resent, CancellationToken cancellationToken)
    {
        if (resent && await FindOwnAsync(slot, cancellationToken).ConfigureAwait(false) is { } own)
        {
            _attempts.Add(new BookingAttempt(slot, BookingAttemptOutcome.Booked, null));
            return own;
        }

        if (IsRerunOfUsedKey(refusal) && await FindEarlierRunAfterRefusalAsync(cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return AlreadyBooked(earlier);
        }

        return null;
    }

    /// <summary>A first choice, sent with the caller's key, refused because the server holds that key for another body: an earlier run's.</summary>
    private bool IsRerunOfUsedKey(Exception refusal) => _attempts.Count == 0 && _keys.FromCaller && refusal is BookingKeyReusedException;

    /// <summary>The appointment an earlier run of this booking made, in the whole window (<see cref="EarlierRun"/>); a failed look-up throws.</summary>
    private Task<Appointment?> EarlierRunAsync(CancellationToken cancellationToken)
        => EarlierRun.FindAsync(_client, _request, _patient, _type, _provider, _length, _windowEnd, cancellationToken);

    /// <summary>The earlier run's appointment after a refusal; a look-up that fails leaves the refusal as the answer (this call booked nothing).</summary>
    private async Task<Appointment?> FindEarlierRunAfterRefusalAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await EarlierRunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is NexGenApiException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="earlier"/>, an earlier run's appointment, as this booking's last attempt, and returns it.</summary>
    private Appointment AlreadyBooked(Appointment earlier)
    {
        _attempts.Add(new BookingAttempt(SlotOf(earlier), BookingAttemptOutcome.AlreadyBooked, null));
        return earlier;
    }

    /// <summary>
    /// After a POST sent more than once succeeded: other appointments holding everything the POST sent, in the
    /// slot of the one booked, made while this POST's sends were under way. A conforming server replays the first
    /// send's answer, so the look finds the booked one alone. The booking is made either way: a look that fails,
    /// however (a token provider down, a caller's handler, the caller's cancellation), is logged and does not
    /// fail it. The SDK cancels nothing it finds: which of two appointments the practice or the patient has already
    /// seen is not the SDK's to judge.
    /// </summary>
    private async Task<IReadOnlyList<Appointment>> DuplicatesOfAsync(Appointment booked, CancellationToken cancellationToken)
    {
        // The contract replays an answer for 24 hours even if its appointment changed since: one cancelled since
        // says nothing of who holds its slot now.
        if (string.Equals(booked.Status, AppointmentStatuses.Cancelled, StringComparison.Ordinal))
        {
            return [];
        }

        List<Appointment> found;
        try
        {
            // The booked appointment's own slot, not the one asked for: a server may have normalised the start.
            found = await EarlierRun.FindAllAtAsync(_client, _request, _patient, _type, SlotOf(booked), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            _log.DuplicateCheckFailed(booked.Uuid, failure.GetType().Name);
            return [];
        }

        // The sends of one POST fall within one call's overall timeout (a minute more for the server's own clocks):
        // an appointment created further from the booked one is another booking's, or the booked one is a late replay.
        var sameCall = _client.Options.OverallTimeout + TimeSpan.FromMinutes(1);
        found.RemoveAll(a => a.Uuid == booked.Uuid || (a.CreatedAt - booked.CreatedAt).Duration() > sameCall);
        foreach (var duplicate in found)
        {
            _log.Duplicate(booked.Uuid, duplicate.Uuid);
        }

        return found;
    }

    /// <summary>This booking's appointment at <paramref name="slot"/>; a lookup that fails leaves the POST's outcome unknown.</summary>
    private Task<Appointment?> FindOwnAsync(Slot slot, CancellationToken cancellationToken)
        => BookingPost.SettleAsync(
            () => EarlierRun.FindAtAsync(_client, _request, _patient, _type, slot, cancellationToken), _keys, slot, cancellationToken);

    private async Task<Slot?> FindAvailableAsync(CancellationToken cancellationToken)
    {
        using var step = NexGenDiagnostics.ActivitySource.StartActivity("BookingWorkflow.FindAvailability");
        var availability = await _client.Schedule.GetAvailabilityAsync(
            _request.LocationUuid, _type, _request.Start, _windowEnd,
            _request.Rebooking.AllowOtherProvider ? null : _provider, cancellationToken).ConfigureAwait(false);
        var slots = availability.Items ?? new List<Slot>();
        Remember(slots);
        return slots.Where(Fits).OrderBy(s => s.ScheduledStart).ThenBy(s => s.ProviderUuid == _provider ? 0 : 1).FirstOrDefault();
    }

    private bool Fits(Slot slot)
    {
        if (slot.LocationUuid != _request.LocationUuid
            || (!_request.Rebooking.AllowOtherProvider && slot.ProviderUuid != _provider)
            || _tried?.Contains(Key(WithRequestedLength(slot))) == true)
        {
            return false;
        }

        return slot.ScheduledStart >= _request.Start && slot.ScheduledStart < _windowEnd;
    }

    private Slot WithRequestedLength(Slot slot) => new()
    {
        ProviderUuid = slot.ProviderUuid,
        LocationUuid = slot.LocationUuid,
        ScheduledStart = slot.ScheduledStart,
        ScheduledEnd = slot.ScheduledStart + _length,
    };

    private static Slot SlotOf(Appointment appointment) => new()
    {
        ProviderUuid = appointment.Provider?.Uuid ?? Guid.Empty,
        LocationUuid = appointment.Location.Uuid,
        ScheduledStart = appointment.ScheduledStart,
        ScheduledEnd = appointment.ScheduledEnd,
    };

    private AppointmentCreate ToBody(Slot slot) => new()
    {
        PatientUuid = _patient,
        AppointmentTypeUuid = _type,
        LocationUuid = slot.LocationUuid,
        ProviderUuid = slot.ProviderUuid,
        ScheduledStart = slot.ScheduledStart,
        ScheduledEnd = slot.ScheduledEnd,
        Notes = _request.Notes,
    };

    private void Remember(IEnumerable<Slot> slots)
    {
        _alternatives ??= [];
        foreach (var slot in slots)
        {
            if (!_alternatives.Exists(seen => Key(seen) == Key(slot)))
            {
                _alternatives.Add(slot);
            }
        }
    }

    private SlotUnavailableException Unavailable(string reason, Exception lastConflict)
        => new(reason, _attempts.ToList(), _alternatives?.ToList() ?? [], lastConflict);

    private static (Guid Provider, Guid Location, DateTime Start) Key(Slot slot) => (slot.ProviderUuid, slot.LocationUuid, slot.ScheduledStart);
}
