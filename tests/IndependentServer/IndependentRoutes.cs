using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Dentally.NexGen.Independent;

/// <summary>The contract's operations, answered from <see cref="IndependentData"/> under one lock.</summary>
internal sealed partial class IndependentRoutes(IndependentData data, IndependentKeys keys, TimeProvider clock, int maxPageSize)
{
    public IndependentAnswer Answer(ReceivedCall call, string origin)
    {
        var instance = origin + call.Path;
        var authorization = call.Header("Authorization");
        var token = authorization is not null && authorization.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        if (token is not (IndependentServer.Token or IndependentServer.TokenForB))
        {
            return IndependentAnswer.Problem(401, "unauthorized", "Unauthorized", instance)
                .With("WWW-Authenticate", "Bearer realm=\"acme\", error=\"invalid_token\"");
        }

        string[] visible = token == IndependentServer.Token ? [IndependentServer.PracticeA, IndependentServer.PracticeB] : [IndependentServer.PracticeB];
        var practice = call.Header("X-Practice-Id");
        if (practice is not null && !visible.Contains(practice))
        {
            return IndependentAnswer.Problem(403, "forbidden", "Forbidden", instance);
        }

        var scope = new Scope(token, practice is null ? visible : [practice], instance, origin);
        var segments = call.Path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        return Route(call, segments, scope, practice);
    }

    /// <summary>Holds each keyed create after its key is claimed, before it runs, until released: its key is then in use.</summary>
    public IndependentHold? Hold { get; set; }

    private IndependentAnswer Route(ReceivedCall call, string[] s, Scope scope, string? practice)
    {
        var query = QueryHelpers.ParseQuery(call.Query);
        if (s is ["v2", "sites", ..])
        {
            if (practice is null)
            {
                return IndependentAnswer.Malformed(scope.Instance);
            }

            return Locked(() => (call.Method, s) switch
            {
                ("GET", [_, _]) => ListSites(query, scope),
                ("GET", [_, _, var id]) => Find(id, uuid => data.Sites.GetValueOrDefault(uuid), site => scope.Sees(site)) is { } site
                    ? IndependentAnswer.Json(200, w => IndependentJson.Site(w, site))
                    : IndependentAnswer.NotFound(scope.Instance),
                _ => IndependentAnswer.NotFound(scope.Instance),
            });
        }

        if (s is not ["api", "v1", var org, ..])
        {
            return IndependentAnswer.NotFound(scope.Instance);
        }

        if (org != IndependentServer.Org)
        {
            return IndependentAnswer.Problem(403, "forbidden", "Forbidden", scope.Instance);
        }

        return (call.Method, s[3..]) switch
        {
            ("POST", ["patients"]) => Keyed(call, scope, () => CreatePatient(call.Body, scope)),
            ("POST", ["appointments"]) => Keyed(call, scope, () => CreateAppointment(call.Body, scope)),
            _ => Locked(() => Read(call, s[3..], query, scope)),
        };
    }

    /// <summary>Every operation but the keyed creates.</summary>
    private IndependentAnswer Read(ReceivedCall call, string[] s, Dictionary<string, StringValues> query, Scope scope)
        => (call.Method, s) switch
        {
            ("GET", ["patients"]) => SearchPatients(query, scope),
            ("GET", ["patients", var id]) => Find(id, uuid => data.Patients.Find(p => p.Uuid == uuid), _ => true) is { } patient
                ? IndependentAnswer.Json(200, w => IndependentJson.Patient(w, patient))
                : IndependentAnswer.NotFound(scope.Instance),
            ("GET", ["providers"]) => ListProviders(query),
            ("GET", ["appointment-types"]) => ListTypes(query),
            ("GET", ["appointments"]) => ListAppointments(query, scope),
            ("GET", ["appointments", var id]) => WithAppointment(id, scope, a => IndependentAnswer.Json(200, w => IndependentJson.Appointment(w, a, withNotes: true))),
            ("PATCH", ["appointments", var id]) => WithAppointment(id, scope, a => Update(a, call.Body, scope)),
            ("POST", ["appointments", var id, "status"]) => WithAppointment(id, scope, a => ChangeStatus(a, call.Body, scope)),
            ("POST", ["appointments", var id, "cancel"]) => WithAppointment(id, scope, a => Cancel(a, scope)),
            ("GET", ["schedule", "availability"]) => Availability(query, scope),
            _ => IndependentAnswer.NotFound(scope.Instance),
        };

    private IndependentAnswer Locked(Func<IndependentAnswer> answer)
    {
        lock (data)
        {
            return answer();
        }
    }

    private IndependentAnswer Keyed(ReceivedCall call, Scope scope, Func<IndependentAnswer> run)
    {
        if (call.Header("Idempotency-Key") is not { } key)
        {
            return Locked(run);
        }

        if (key.Length is 0 or > 255)
        {
            return IndependentAnswer.Validation(scope.Instance, "Idempotency-Key", "must be 1 to 255 characters");
        }

        if (!keys.TryBegin(scope.Token, key, call.Method + " " + call.Path + "\n" + call.Body, scope.Instance, out var stored))
        {
            return stored!;
        }

        Hold?.Wait();
        var answer = Locked(run);
        keys.Complete(scope.Token, key, answer);
        return answer;
    }

    private IndependentAnswer ListSites(Dictionary<string, StringValues> query, Scope scope)
    {
        var sites = data.Sites.Values.Where(scope.Sees).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (query.TryGetValue("is_active", out var active) && active == "false")
        {
            sites.Clear();
        }

        return Paged(query, sites, IndependentJson.Site, scope, status: 400);
    }

    private IndependentAnswer SearchPatients(Dictionary<string, StringValues> query, Scope scope)
    {
        IEnumerable<PatientRecord> found = data.Patients.OrderBy(p => p.LastName, StringComparer.Ordinal).ThenBy(p => p.FirstName, StringComparer.Ordinal);
        if (query.TryGetValue("query", out var text))
        {
            if (text.ToString().Length is 0 or > 200)
            {
                return IndependentAnswer.Validation(scope.Instance, "query", "must be 1 to 200 characters");
            }

            // Any term matching part of a first or last name; the patients matching the most terms first.
            var terms = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            found = found
                .Select(p => (Patient: p, Score: terms.Count(t => p.FirstName.Contains(t, StringComparison.OrdinalIgnoreCase) || p.LastName.Contains(t, StringComparison.OrdinalIgnoreCase))))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .Select(x => x.Patient);
        }

        return Paged(query, found.ToList(), IndependentJson.Patient, scope, status: 422);
    }

    private IndependentAnswer ListProviders(Dictionary<string, StringValues> query)
    {
        var providers = data.Providers
            .Where(p => !query.TryGetValue("location_uuid", out var site) || (Guid.TryParse(site, out var uuid) && p.Sites.Contains(uuid)))
            .ToList();
        return IndependentAnswer.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", providers.Count);
            w.WriteStartArray("items");
            providers.ForEach(p => IndependentJson.Provider(w, p));
            w.WriteEndArray();
            w.WriteEndObject();
        }, chunked: true, contentType: "Application/JSON; Charset=UTF-8"); // media types are case-insensitive (RFC 9110)
    }

    private IndependentAnswer ListTypes(Dictionary<string, StringValues> query)
    {
        var types = data.Types.Where(t => !query.TryGetValue("is_active", out var active) || t.IsActive == (active == "true")).ToList();
        return IndependentAnswer.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", types.Count);
            w.WriteStartArray("items");
            types.ForEach(t => IndependentJson.Type(w, t));
            w.WriteEndArray();
            w.WriteEndObject();
        }, chunked: true);
    }

    private IndependentAnswer ListAppointments(Dictionary<string, StringValues> query, Scope scope)
    {
        var all = data.Appointments.Where(a => scope.Sees(a.Site));
        foreach (var (name, match) in new (string, Func<AppointmentRecord, Guid, bool>)[]
                 {
                     ("patient_uuid", (a, id) => a.Patient.Uuid == id),
                     ("provider_uuid", (a, id) => a.Provider.Uuid == id),
                     ("location_uuid", (a, id) => a.Site.Uuid == id),
                 })
        {
            if (query.TryGetValue(name, out var value))
            {
                if (!Guid.TryParse(value, out var id))
                {
                    return IndependentAnswer.Validation(scope.Instance, name, "must be a uuid");
                }

                all = all.Where(a => match(a, id));
            }
        }

        if (query.TryGetValue("status", out var status))
        {
            all = all.Where(a => a.Status == status);
        }

        foreach (var (name, keep) in new (string, Func<AppointmentRecord, DateTime, bool>)[] { ("from", (a, t) => a.CurrentStart >= t), ("to", (a, t) => a.CurrentStart < t) })
        {
            if (query.TryGetValue(name, out var value))
            {
                if (LocalTime(value) is not { } time)
                {
                    return IndependentAnswer.Validation(scope.Instance, name, "must be a practice-local time yyyy-MM-ddTHH:mm:ss");
                }

                all = all.Where(a => keep(a, time));
            }
        }

        var list = all.OrderBy(a => a.CurrentStart).ThenBy(a => a.Uuid).ToList();
        return Paged(query, list, (w, a) => IndependentJson.Appointment(w, a, withNotes: false), scope, status: 422);
    }

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

    private IndependentAnswer Availability(Dictionary<string, StringValues> query, Scope scope)
    {
        var site = query.TryGetValue("location_uuid", out var siteId) && Guid.TryParse(siteId, out var siteUuid) ? data.Sites.GetValueOrDefault(siteUuid) : null;
        var type = query.TryGetValue("appointment_type_uuid", out var typeId) && Guid.TryParse(typeId, out var typeUuid) ? data.Types.Find(t => t.Uuid == typeUuid) : null;
        var from = query.TryGetValue("from", out var f) ? LocalTime(f) : null;
        var to = query.TryGetValue("to", out var t) ? LocalTime(t) : null;
        Guid? provider = query.TryGetValue("provider_uuid", out var p) && Guid.TryParse(p, out var providerUuid) ? providerUuid : null;
        var invalid = site is null || !scope.Sees(site) ? "location_uuid"
            : type is null ? "appointment_type_uuid"
            : from is null ? "from"
            : to is null || to <= from || to - from > TimeSpan.FromDays(31) ? "to"
            : null;
        if (invalid is not null)
        {
            return IndependentAnswer.Validation(scope.Instance, invalid, "is missing or invalid");
        }

        var slots = IndependentSchedule.Free(data, site!, TimeSpan.FromMinutes(type!.DurationMinutes), from!.Value, to!.Value, provider).ToList();
        return IndependentAnswer.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("timezone", site!.TimeZone);
            w.WriteNumber("total", slots.Count);
            w.WriteStartArray("items");
            slots.ForEach(s => IndependentJson.Slot(w, s));
            w.WriteEndArray();
            w.WriteEndObject();
        }, chunked: true);
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

    private IndependentAnswer Paged<T>(Dictionary<string, StringValues> query, List<T> all, Action<Utf8JsonWriter, T> write, Scope scope, int status)
    {
        var page = query.TryGetValue("page", out var p) ? Number(p) : 1;
        var requested = query.TryGetValue("page_size", out var s) ? Number(s) : 20;
        if (page is not >= 1)
        {
            return status == 400 ? IndependentAnswer.Malformed(scope.Instance) : IndependentAnswer.Validation(scope.Instance, "page", "must be 1 or more");
        }

        if (requested is not (>= 1 and <= 100))
        {
            return status == 400 ? IndependentAnswer.Malformed(scope.Instance) : IndependentAnswer.Validation(scope.Instance, "page_size", "must be 1 to 100");
        }

        // This server sends at most maxPageSize items a page, and says so in the envelope's page_size.
        var size = Math.Min(requested.Value, maxPageSize);
        var items = all.Skip((page.Value - 1) * size).Take(size).ToList();
        return IndependentAnswer.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", all.Count);
            w.WriteNumber("page_size", size);
            w.WriteNumber("page", page.Value);
            w.WriteStartArray("items");
            items.ForEach(i => write(w, i));
            w.WriteEndArray();
            w.WriteBoolean("has_more", page.Value * size < all.Count);
            w.WriteEndObject();
        }, chunked: true);
    }

    private static T? Find<T>(string id, Func<Guid, T?> lookup, Func<T, bool> visible)
        where T : class
        => Guid.TryParse(id, out var uuid) && lookup(uuid) is { } found && visible(found) ? found : null;

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Guid? Id(JsonObject json, string name) => Guid.TryParse(Text(json, name), out var id) ? id : null;

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTime? LocalTime(string? text)
        => text is not null && LocalPattern().IsMatch(text) && DateTime.TryParseExact(text, IndependentJson.LocalTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPattern();

    private sealed record Scope(string Token, string[] Practices, string Instance, string Origin)
    {
        public bool Sees(SiteRecord site) => Practices.Contains(site.Practice);
    }
}
