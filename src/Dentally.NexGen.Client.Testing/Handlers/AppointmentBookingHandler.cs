using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Scheduling;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;
using Newtonsoft.Json.Linq;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>
/// <c>POST /api/v1/{org_id}/appointments</c>: validates every field (reporting them all at once),
/// refuses a window the provider is already booked in, then books. Runs under the state lock, so of
/// two requests for one slot exactly one wins. Times need not match the type's duration or the
/// opening hours: the contract does not require either.
/// </summary>
internal sealed class AppointmentBookingHandler(SandboxState state)
{
    private readonly ConflictCheck _conflicts = new(state);

    public SandboxResponse Create(SandboxRequest request)
    {
        if (!JsonBody.TryReadObject(request, out var body, out var malformed))
        {
            return malformed!;
        }

        var errors = new ValidationErrors();
        var patient = Reference(body, "patient_uuid", errors, id => state.Patients.Find(id) is not null ? null : Messages.Unknown("patient"));
        var type = Reference(body, "appointment_type_uuid", errors, id => state.AppointmentTypes.Find(id) switch
        {
            null => Messages.Unknown("appointment type"),
            { IsActive: false } => "is not active",
            _ => null,
        });
        var location = Reference(body, "location_uuid", errors, id => state.Sites.Find(id) switch
        {
            null => Messages.Unknown("site"),
            { IsActive: false } => "is not active",
            _ => null,
        });
        var provider = Reference(body, "provider_uuid", errors, id => state.Providers.Find(id) switch
        {
            null => Messages.Unknown("provider"),
            { IsActive: false } => "is not active",
            { } p when location is { } site && !p.WorksAt(site) => "does not work at location_uuid",
            _ => null,
        });
        var start = BodyFields.LocalTime(body, "scheduled_start", errors, required: true);
        var end = BodyFields.LocalTime(body, "scheduled_end", errors, required: true);
        if (start is not null && end <= start)
        {
            errors.Add("scheduled_end", Messages.EndAfterStart);
        }

        var notes = BodyFields.Text(body, "notes", errors, required: false, ContractLimits.BookingNotesMaxLength);
        if (errors.Any)
        {
            return Problems.Validation(request, errors);
        }

        var siteRecord = state.Sites.Find(location!.Value)!;
        var providerRecord = state.Providers.Find(provider!.Value)!;
        if (_conflicts.Check(request, siteRecord, providerRecord, start!.Value, end!.Value) is { } conflict)
        {
            return conflict;
        }

        var record = new AppointmentRecord(Guid.NewGuid(), patient!.Value, type!.Value, siteRecord.Uuid, providerRecord.Uuid, string.IsNullOrEmpty(notes) ? null : notes, state.Now());
        record.Schedule(start.Value, end.Value, TimeZones.Find(siteRecord.Timezone));
        state.Appointments.Put(record);
        return SandboxResponse.Json(Status201Created, AppointmentView.Render(state, record))
            .WithHeader("Location", $"{request.OrganizationPath}/appointments/{record.Uuid}");
    }

    /// <summary>A required UUID member that must name an existing, usable entity; <paramref name="problem"/> says what is wrong with it.</summary>
    private static Guid? Reference(JObject body, string name, ValidationErrors errors, Func<Guid, string?> problem)
    {
        var id = BodyFields.Uuid(body, name, errors, required: true);
        if (id is { } value && problem(value) is { } message)
        {
            errors.Add(name, message);
            return null;
        }

        return id;
    }
}
