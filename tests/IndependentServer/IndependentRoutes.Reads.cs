using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Dentally.NexGen.Independent;

/// <summary>The read operations: lists, paged, and availability.</summary>
internal sealed partial class IndependentRoutes
{
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
}
