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

    private sealed record Scope(string Token, string[] Practices, string Instance, string Origin)
    {
        public bool Sees(SiteRecord site) => Practices.Contains(site.Practice);
    }
}
