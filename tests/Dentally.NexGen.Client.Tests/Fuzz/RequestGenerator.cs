#if NET10_0_OR_GREATER
using System.Globalization;
using CsCheck;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static Dentally.NexGen.Client.Tests.Fuzz.FuzzRequest;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>
/// Generates requests for an operation from its parameter and body schemas: valid ones (every value
/// as its schema says, naming entities that exist, with start before end and a window the contract
/// allows), and invalid ones, each a valid request broken in one named way.
/// </summary>
internal sealed class RequestGenerator(FuzzTarget target)
{
    private static readonly string[] LocalTimes = ["2025-05-19T08:30:00", "2025-05-20T09:00:00", "2025-05-20T10:00:00", "2025-05-20T14:30:00", "2025-05-21T11:00:00", "2025-05-23T16:00:00"];
    private static readonly string[] Texts = ["Jane", "Smith", "Chen", "a", "Jane Smith", "New patient — first visit"];
    private static readonly string[] Dates = ["1986-04-12", "1990-01-01", "2001-12-31"];
    private static readonly string[] OddSegments = ["%C3%A0y", "%00", "a%2Fb", "%25", "..", "%E2%82%AC", new string('x', 300), "%20"];
    private static readonly string[] OddHeaderValues = ["pr\u00e1ctica", "\u00ff\u0080", "key-\u00e9\u00e8"];

    public Gen<FuzzRequest> For(SpecOperation operation)
    {
        var valid = Valid(operation);
        return Gen.Frequency((1, valid), (2, valid.SelectMany(request => Gen.OneOf(Mutations(request).ToArray()))));
    }

    private Gen<FuzzRequest> Valid(SpecOperation operation)
    {
        var path = Sequence(operation.Parameters.Where(p => p.In == "path").Select(p => Scalar(p.Name, p.Schema).Select(v => Pair(p.Name, Uri.EscapeDataString(v)))));
        var query = Sequence(operation.Parameters.Where(p => p.In == "query").Select(p => Optional(p.Required, Scalar(p.Name, p.Schema).Select(v => Pair(p.Name, Uri.EscapeDataString(v))))));
        var headers = Sequence(operation.Parameters.Where(p => p.In == "header").Select(p => p.Name switch
        {
            "X-Practice-Id" => Optional(p.Required, Gen.Const(Pair(p.Name, target.Practice))),
            _ => Optional(p.Required, Gen.Guid.Select(g => Pair(p.Name, g.ToString()))),
        }));
        var body = operation.Body is { } schema ? Json("body", schema).Select(j => (JToken?)j) : Gen.Const((JToken?)null);
        return Gen.Select(path, query, headers, body, (p, q, h, b) => Coherent(new FuzzRequest(
            operation,
            Fill(operation.Path, p),
            q.OfType<KeyValuePair<string, string>>().ToList(),
            [Pair("Authorization", "Bearer " + target.Token), .. h.OfType<KeyValuePair<string, string>>()],
            b?.ToString(Formatting.None),
            Mutation: null)));
    }

    /// <summary>Every one-step way to break a valid request that applies to its operation.</summary>
    private static IEnumerable<Gen<FuzzRequest>> Mutations(FuzzRequest valid)
    {
        var operation = valid.Operation;
        // A parameter the operation does not have (an empty name included) is ignored: the request stays valid.
        yield return Gen.OneOf("", "x").Select(v => valid with { Query = [.. valid.Query, Pair("", v)] });
        yield return Gen.Const(valid with { Query = [.. valid.Query, Pair("x_fuzz", "1")] });
        yield return Gen.OneOf("Bearer wrong-token", "Basic Zm9vOmJhcg==", "").Select(v => WithHeader(valid, "Authorization", v, "bad credentials"));
        yield return Gen.OneOf(OddHeaderValues).Select(v => WithHeader(valid, "X-Practice-Id", v, "odd bytes in X-Practice-Id"));
        yield return Gen.OneOf("", "practice_unknown").Select(v => WithHeader(valid, "X-Practice-Id", v, "unknown or empty X-Practice-Id"));
        yield return Gen.Const(valid with { Headers = valid.Headers.Where(h => h.Key != "X-Practice-Id").ToList(), Mutation = "no X-Practice-Id" });
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            var name = parameter.Name;
            yield return WrongTypes(parameter.Schema).Select(v => WithQuery(valid, name, Uri.EscapeDataString(v), $"wrong type in {name}"));
            yield return Gen.Const(WithQuery(valid, name, string.Empty, $"empty {name}"));
            if (parameter.Schema["minimum"] is { } minimum)
            {
                var maximum = (long?)parameter.Schema["maximum"] ?? long.MaxValue;
                yield return Gen.OneOf((long)minimum - 1, maximum == long.MaxValue ? 99_999_999_999 : maximum + 1, -1L)
                    .Select(v => WithQuery(valid, name, v.ToString(CultureInfo.InvariantCulture), $"{name} out of range"));
            }

            if (parameter.Required)
            {
                yield return Gen.Const(valid with { Query = valid.Query.Where(p => p.Key != name).ToList(), Mutation = $"no {name}" });
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "path" && p.Name != "org_id"))
        {
            var name = parameter.Name;
            yield return Gen.OneOf(OddSegments).Select(v => valid with { Path = Fill(operation.Path, [.. PathValues(valid).Where(p => p.Key != name), Pair(name, v)]), Mutation = $"odd bytes in {name}" });
        }

        if (operation.Parameters.Any(p => p.Name == "Idempotency-Key"))
        {
            yield return Gen.OneOf([.. OddHeaderValues, "", new string('k', 256)]).Select(v => WithHeader(valid, "Idempotency-Key", v, "odd Idempotency-Key"));
        }

        if (operation.Body is { } schema)
        {
            yield return Gen.OneOf("", "{\"a\":", "[]", "null", "42", "{\"notes\":\"\\ud800\"}").Select(b => valid with { Body = b, Mutation = "body not the documented object" });
            yield return Gen.Const(valid with { Body = Change(valid.Body, o => o["x_fuzz"] = 1), Mutation = "unknown member" });
            foreach (var property in ((JObject?)schema["properties"])?.Properties() ?? [])
            {
                var name = property.Name;
                var propertySchema = (JObject)property.Value;
                yield return Gen.OneOf<JToken>(12345, "not-valid", true, new JArray(), new JObject())
                    .Select(v => valid with { Body = Change(valid.Body, o => o[name] = v), Mutation = $"wrong type in member {name}" });
                if (propertySchema["maxLength"] is { } maxLength)
                {
                    yield return Gen.Const(valid with { Body = Change(valid.Body, o => o[name] = new string('n', (int)maxLength + 1)), Mutation = $"member {name} too long" });
                }

                if (((JArray?)schema["required"])?.Any(r => (string?)r == name) == true)
                {
                    yield return Gen.Const(valid with { Body = Change(valid.Body, o => o.Remove(name)), Mutation = $"no member {name}" });
                }
            }
        }
    }

    /// <summary>A value of the parameter's type that names something that exists.</summary>
    private Gen<string> Scalar(string name, JObject schema)
    {
        if (name == "org_id")
        {
            return Gen.Const(target.Organization);
        }

        if (target.Ids.TryGetValue(name, out var ids))
        {
            return Gen.OneOf(ids);
        }

        var values = (JArray?)schema["enum"] ?? (JArray?)schema["x-extensible-enum"];
        return ((string?)schema["type"], (string?)schema["format"]) switch
        {
            _ when values is not null => Gen.OneOf(values.Select(v => (string)v!).ToArray()),
            ("integer", _) => Gen.Int[(int?)schema["minimum"] ?? 0, (int?)schema["maximum"] ?? ((int?)schema["minimum"] ?? 0) + 50].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            ("boolean", _) => Gen.OneOf("true", "false"),
            (_, "uuid") => Gen.Guid.Select(g => g.ToString()),
            (_, "date") => Gen.OneOf(Dates),
            (_, "email") => Gen.Const("jane.smith@example.com"),
            _ when schema["pattern"] is not null => Gen.OneOf(LocalTimes),
            _ => Gen.OneOf(Texts).Select(t => schema["maxLength"] is { } max ? t[..Math.Min(t.Length, (int)max)] : t),
        };
    }

    private Gen<JToken> Json(string name, JObject schema)
    {
        switch ((string?)schema["type"])
        {
            case "object":
                var required = ((JArray?)schema["required"])?.Select(r => (string)r!).ToHashSet() ?? [];
                var members = (((JObject?)schema["properties"])?.Properties() ?? [])
                    .Select(p => Optional(required.Contains(p.Name), Json(p.Name, (JObject)p.Value).Select(v => new KeyValuePair<string, JToken>(p.Name, v))));
                return Sequence(members).Select(list => (JToken)new JObject(list.OfType<KeyValuePair<string, JToken>>().Select(m => new JProperty(m.Key, m.Value))));
            case "integer":
                return Scalar(name, schema).Select(v => (JToken)long.Parse(v, CultureInfo.InvariantCulture));
            case "boolean":
                return Gen.Bool.Select(b => (JToken)b);
            case "array":
                return Json(name, (JObject)schema["items"]!).Array[0, 2].Select(items => (JToken)new JArray(items));
            default:
                return Scalar(name, schema).Select(v => (JToken)v);
        }
    }

    private static Gen<string> WrongTypes(JObject schema)
        => ((string?)schema["type"], (string?)schema["format"]) switch
        {
            ("integer", _) => Gen.OneOf("abc", "1.5", "0x10", "1e3"),
            ("boolean", _) => Gen.OneOf("yes", "1", "TRUE!"),
            (_, "uuid") => Gen.OneOf("not-a-uuid", "12345", "{c3d4e5f6-a7b8-9012-cdef-123456789012}"),
            _ when schema["pattern"] is not null => Gen.OneOf("2025-05-20T10:00:00Z", "2025-05-20", "tomorrow", "2025-13-45T25:61:00"),
            _ => Gen.OneOf(new string('q', 201), "%", "\u00e0"),
        };

    /// <summary>Makes a valid request obey the contract's cross-field rules the schemas cannot say: end after start, a window of days, a move with both times, at least one change.</summary>
    private static FuzzRequest Coherent(FuzzRequest request)
    {
        var query = request.Query.ToList();
        if (request.QueryValue("from") is { } from && request.QueryValue("to") is not null)
        {
            var to = DateTime.ParseExact(Uri.UnescapeDataString(from), PracticeLocalTime.Format, CultureInfo.InvariantCulture).AddDays(2);
            query = query.Select(p => p.Key == "to" ? Pair("to", Uri.EscapeDataString(to.ToString(PracticeLocalTime.Format, CultureInfo.InvariantCulture))) : p).ToList();
        }

        var body = request.Body is null ? null : Change(request.Body, o =>
        {
            if (o["scheduled_start"] is not null || o["scheduled_end"] is not null)
            {
                var start = DateTime.ParseExact((string)(o["scheduled_start"] ?? o["scheduled_end"])!, PracticeLocalTime.Format, CultureInfo.InvariantCulture);
                o["scheduled_start"] = start.ToString(PracticeLocalTime.Format, CultureInfo.InvariantCulture);
                o["scheduled_end"] = start.AddHours(1).ToString(PracticeLocalTime.Format, CultureInfo.InvariantCulture);
            }

            if (request.Operation.Body?["minProperties"] is not null && !o.HasValues)
            {
                o["notes"] = "Moved by the fuzz test";
            }
        });
        return request with { Query = query, Body = body };
    }

    private static FuzzRequest WithQuery(FuzzRequest request, string name, string value, string mutation)
        => request with { Query = [.. request.Query.Where(p => p.Key != name), Pair(name, value)], Mutation = mutation };

    private static FuzzRequest WithHeader(FuzzRequest request, string name, string value, string mutation)
        => request with { Headers = [.. request.Headers.Where(h => h.Key != name), Pair(name, value)], Mutation = mutation };

    private static string Change(string? body, Action<JObject> change)
    {
        var json = (JObject)Support.Json.Parse(body!);
        change(json);
        return json.ToString(Formatting.None);
    }

    private static IEnumerable<KeyValuePair<string, string>> PathValues(FuzzRequest request)
    {
        var names = request.Operation.Parameters.Where(p => p.In == "path").Select(p => p.Name).ToList();
        var template = request.Operation.Path.Split('/');
        var actual = request.Path.Split('/');
        for (var i = 0; i < template.Length && i < actual.Length; i++)
        {
            if (template[i].StartsWith('{') && names.Contains(template[i].Trim('{', '}')))
            {
                yield return Pair(template[i].Trim('{', '}'), actual[i]);
            }
        }
    }

    private static string Fill(string template, IEnumerable<KeyValuePair<string, string>> values)
    {
        var path = template;
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private static Gen<T?> Optional<T>(bool required, Gen<T> value)
        where T : struct
        => required ? value.Select(v => (T?)v) : Gen.Bool.SelectMany(include => include ? value.Select(v => (T?)v) : Gen.Const(default(T?)));

    private static Gen<List<T>> Sequence<T>(IEnumerable<Gen<T>> gens)
        => gens.Aggregate(Gen.Const(new List<T>()), (all, next) => Gen.Select(all, next, (list, item) => new List<T>(list) { item }));
}
#endif
