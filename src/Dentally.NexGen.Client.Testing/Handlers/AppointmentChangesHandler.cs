using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Scheduling;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;
using Newtonsoft.Json.Linq;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>Changing a booked appointment: <c>PATCH</c> (notes, move), <c>POST …/status</c> and <c>POST …/cancel</c>.</summary>
internal sealed class AppointmentChangesHandler(SandboxState state)
{
    private readonly ConflictCheck _conflicts = new(state);

    /// <summary>Notes change on their own (an empty string clears them); a move needs both times and is checked for conflicts, ignoring the appointment itself.</summary>
    public SandboxResponse Update(SandboxRequest request)
    {
        if (AppointmentQueriesHandler.Find(state, request) is not { } record)
        {
            return AppointmentQueriesHandler.NotFound(request);
        }

        if (!JsonBody.TryReadObject(request, out var body, out var malformed))
        {
            return malformed!;
        }

        var errors = new ValidationErrors();
        var changesNotes = BodyFields.Present(body, "notes");
        var moves = BodyFields.Present(body, "scheduled_start") || BodyFields.Present(body, "scheduled_end");
        if (!changesNotes && !moves)
        {
            errors.Add("body", "must change at least one of notes, scheduled_start and scheduled_end");
        }

        var notes = changesNotes ? BodyFields.Text(body, "notes", errors, required: false, ContractLimits.UpdateNotesMaxLength) : null;
        var (start, end) = moves ? ReadMove(body, record, errors) : (null, null);
        if (errors.Any)
        {
            return Problems.Validation(request, errors);
        }

        if (start is { } newStart && end is { } newEnd)
        {
            var site = state.Sites.Find(record.LocationUuid)!;
            var provider = state.Providers.Find(record.ProviderUuid)!;
            if (_conflicts.Check(request, site, provider, newStart, newEnd, excluding: record.Uuid) is { } conflict)
            {
                return conflict;
            }

            record.Schedule(newStart, newEnd, TimeZones.Find(site.Timezone));
        }

        if (changesNotes)
        {
            record.Notes = string.IsNullOrEmpty(notes) ? null : notes;
        }

        record.UpdatedAt = state.Now();
        return SandboxResponse.Json(Status200OK, AppointmentView.Render(state, record));
    }

    public SandboxResponse ChangeStatus(SandboxRequest request)
    {
        if (AppointmentQueriesHandler.Find(state, request) is not { } record)
        {
            return AppointmentQueriesHandler.NotFound(request);
        }

        if (!JsonBody.TryReadObject(request, out var body, out var malformed))
        {
            return malformed!;
        }

        var errors = new ValidationErrors();
        var target = BodyFields.Text(body, "status", errors, required: true, maxLength: 50);
        if (target is not null && !ContractLimits.StatusChangeTargets.Contains(target, StringComparer.Ordinal))
        {
            errors.Add("status", "must be one of " + string.Join(", ", ContractLimits.StatusChangeTargets));
        }

        if (errors.Any)
        {
            return Problems.Validation(request, errors);
        }

        return Move(request, record, target!);
    }

    /// <summary>Cancels a scheduled or confirmed appointment. The contract documents no 422 here, so a bad <c>reason</c> is a 400.</summary>
    public SandboxResponse Cancel(SandboxRequest request)
    {
        if (AppointmentQueriesHandler.Find(state, request) is not { } record)
        {
            return AppointmentQueriesHandler.NotFound(request);
        }

        if (!JsonBody.TryReadObject(request, out var body, out var malformed, emptyMeansEmptyObject: true))
        {
            return malformed!;
        }

        var errors = new ValidationErrors();
        var reason = BodyFields.Text(body, "reason", errors, required: false, ContractLimits.CancelReasonMaxLength);
        if (errors.Any)
        {
            return Problems.Malformed(request, $"reason must be a string of at most {ContractLimits.CancelReasonMaxLength} characters.");
        }

        var response = Move(request, record, AppointmentStatuses.Cancelled);
        if (response.IsSuccess)
        {
            record.CancellationReason = reason;
        }

        return response;
    }

    private SandboxResponse Move(SandboxRequest request, AppointmentRecord record, string target)
    {
        if (!StatusLifecycle.CanMove(record.Status, target))
        {
            return Problems.InvalidTransition(request, record.Status, target, StatusLifecycle.AllowedFrom(record.Status));
        }

        record.Status = target;
        record.UpdatedAt = state.Now();
        return SandboxResponse.Json(Status200OK, AppointmentView.Render(state, record));
    }

    private static (DateTime? Start, DateTime? End) ReadMove(JObject body, AppointmentRecord record, ValidationErrors errors)
    {
        const string Together = "is required to move the appointment: send scheduled_start and scheduled_end together";
        var start = BodyFields.Present(body, "scheduled_start") ? BodyFields.LocalTime(body, "scheduled_start", errors, required: true) : Missing("scheduled_start");
        var end = BodyFields.Present(body, "scheduled_end") ? BodyFields.LocalTime(body, "scheduled_end", errors, required: true) : Missing("scheduled_end");
        if (start is not null && end <= start)
        {
            errors.Add("scheduled_end", Messages.EndAfterStart);
        }

        if (!StatusLifecycle.CanReschedule(record.Status))
        {
            errors.Add("scheduled_start", $"an appointment in status {record.Status} cannot be moved");
        }

        return errors.Any ? (null, null) : (start, end);

        DateTime? Missing(string name)
        {
            errors.Add(name, Together);
            return null;
        }
    }
}
