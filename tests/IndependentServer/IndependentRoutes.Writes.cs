using System.Globalization;

namespace Dentally.NexGen.Independent;

/// <summary>The write operations: patients and appointments created, changed, moved, with the slot-conflict check.</summary>
internal sealed partial class IndependentRoutes
{
    private IndependentAnswer WithAppointment(string id, Scope scope, Func<AppointmentRecord, IndependentAnswer> then)
        => Find(id, uuid => data.Appointments.Find(a => a.Uuid == uuid), a => scope.Sees(a.Site)) is { } appointment
            ? then(appointment)
            : IndependentAnswer.NotFound(scope.Instance);

    private IndependentAnswer CreatePatient(string body, Scope scope)
    {
        if (Parse(body) is not { } json)
        {
            return IndependentAnswer.Malformed(scope.Instance);
        }

        if (Text(json, "first_name") is not { Length: > 0 } first || Text(json, "last_name") is not { Length: > 0 } last)
        {
            return IndependentAnswer.Validation(scope.Instance, "first_name", "first_name and last_name are required");
        }

        if (!DateOnly.TryParseExact(Text(json, "date_of_birth"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            return IndependentAnswer.Validation(scope.Instance, "date_of_birth", "must be a date yyyy-MM-dd");
        }

        var patient = new PatientRecord(Guid.NewGuid(), first, last, born, Text(json, "primary_phone"), Text(json, "email"),
            Guid.TryParse(Text(json, "preferred_provider_uuid"), out var preferred) ? preferred : null);
        data.Patients.Add(patient);
        return IndependentAnswer.Json(201, w => IndependentJson.Patient(w, patient))
            .With("Location", $"/api/v1/{IndependentServer.Org}/patients/{IndependentJson.Id(patient.Uuid)}");
    }

    private IndependentAnswer CreateAppointment(string body, Scope scope)
    {
        if (Parse(body) is not { } json)
        {
            return IndependentAnswer.Malformed(scope.Instance);
        }

        var patient = data.Patients.Find(p => p.Uuid == Id(json, "patient_uuid"));
        var type = data.Types.Find(t => t.Uuid == Id(json, "appointment_type_uuid") && t.IsActive);
        var site = data.Sites.Values.FirstOrDefault(s => s.Uuid == Id(json, "location_uuid") && scope.Sees(s));
        var provider = data.Providers.Find(p => p.Uuid == Id(json, "provider_uuid") && site is not null && p.Sites.Contains(site.Uuid));
        var (start, end) = (LocalTime(Text(json, "scheduled_start")), LocalTime(Text(json, "scheduled_end")));
        var invalid = patient is null ? "patient_uuid"
            : type is null ? "appointment_type_uuid"
            : site is null ? "location_uuid"
            : provider is null ? "provider_uuid"
            : start is null ? "scheduled_start"
            : end is null || end <= start ? "scheduled_end"
            : null;
        if (invalid is not null)
        {
            return IndependentAnswer.Validation(scope.Instance, invalid, "is missing or invalid");
        }

        if (Conflict(scope, site!, provider!.Uuid, start!.Value, end!.Value, except: null) is { } conflict)
        {
            return conflict;
        }

        var appointment = new AppointmentRecord(Guid.NewGuid(), patient!, type!, site!, provider, start.Value, end!.Value, Text(json, "notes"), clock.GetUtcNow());
        data.Appointments.Add(appointment);

        // As the booking guide's own 201 example: the appointment without its notes (an optional member).
        return IndependentAnswer.Json(201, w => IndependentJson.Appointment(w, appointment, withNotes: false))
            .With("Location", $"{scope.Origin}/api/v1/{IndependentServer.Org}/appointments/{IndependentJson.Id(appointment.Uuid)}");
    }

    private IndependentAnswer Update(AppointmentRecord appointment, string body, Scope scope)
    {
        if (Parse(body) is not { } json || json.Count == 0)
        {
            return IndependentAnswer.Malformed(scope.Instance);
        }

        if (json.ContainsKey("scheduled_start") || json.ContainsKey("scheduled_end"))
        {
            var (start, end) = (LocalTime(Text(json, "scheduled_start")), LocalTime(Text(json, "scheduled_end")));
            if (start is null || end is null || end <= start)
            {
                return IndependentAnswer.Validation(scope.Instance, "scheduled_end", "moving needs both times, the end after the start");
            }

            if (Conflict(scope, appointment.Site, appointment.Provider.Uuid, start.Value, end.Value, appointment.Uuid) is { } conflict)
            {
                return conflict;
            }

            (appointment.CurrentStart, appointment.CurrentEnd) = (start.Value, end.Value);
        }

        if (json.ContainsKey("notes"))
        {
            appointment.CurrentNotes = Text(json, "notes") is { Length: > 0 } notes ? notes : null;
        }

        appointment.UpdatedAt = clock.GetUtcNow();
        return IndependentAnswer.Json(200, w => IndependentJson.Appointment(w, appointment, withNotes: true));
    }

    private IndependentAnswer ChangeStatus(AppointmentRecord appointment, string body, Scope scope)
    {
        var target = Parse(body) is { } json ? Text(json, "status") : null;
        if (target is not ("confirmed" or "arrived" or "completed"))
        {
            return IndependentAnswer.Validation(scope.Instance, "status", "must be confirmed, arrived or completed");
        }

        return Move(appointment, target, scope);
    }

    private IndependentAnswer Cancel(AppointmentRecord appointment, Scope scope) => Move(appointment, "cancelled", scope);

    private IndependentAnswer Move(AppointmentRecord appointment, string target, Scope scope)
    {
        string[] allowed = appointment.Status switch
        {
            "scheduled" => ["confirmed", "cancelled"],
            "confirmed" => ["arrived", "cancelled"],
            "arrived" => ["completed"],
            _ => [],
        };
        if (!allowed.Contains(target))
        {
            return IndependentAnswer.Problem(409, "invalid-status-transition", "Invalid status transition", scope.Instance, w =>
            {
                w.WriteStartArray("allowed_transitions");
                Array.ForEach(allowed, w.WriteStringValue);
                w.WriteEndArray();
                w.WriteString("current_status", appointment.Status);
            });
        }

        appointment.Status = target;
        appointment.UpdatedAt = clock.GetUtcNow();
        return IndependentAnswer.Json(200, w => IndependentJson.Appointment(w, appointment, withNotes: true));
    }

    /// <summary>A 409 <c>slot-conflict</c> when the provider is booked in the window; its suggestions are the closest free slots that day, any provider.</summary>
    private IndependentAnswer? Conflict(Scope scope, SiteRecord site, Guid provider, DateTime start, DateTime end, Guid? except)
    {
        if (IndependentSchedule.Collision(data, provider, start, end, except) is not { } taken)
        {
            return null;
        }

        var suggestions = IndependentSchedule.Suggestions(data, site, end - start, start);
        return IndependentAnswer.Problem(409, "slot-conflict", "Slot conflict", scope.Instance, w =>
        {
            w.WriteStartArray("suggested_slots");
            foreach (var slot in suggestions)
            {
                IndependentJson.Slot(w, slot);
            }

            w.WriteEndArray();
            w.WriteStartObject("conflict");
            w.WriteString("scheduled_end", IndependentJson.Local(taken.CurrentEnd));
            w.WriteString("scheduled_start", IndependentJson.Local(taken.CurrentStart));
            w.WriteString("resource_uuid", IndependentJson.Id(provider));
            w.WriteString("resource", "provider");
            w.WriteEndObject();
        });
    }
}
