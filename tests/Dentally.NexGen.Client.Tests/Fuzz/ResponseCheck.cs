using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>
/// What the contract allows as an answer to a request: a status the operation documents (never a 5xx
/// nobody injected), <c>X-Request-Id</c>, the documented media type and headers, a body valid against
/// the documented schema, a complete problem on every error — and, for a valid request, no refusal but
/// those the contract's own cross-field rules explain.
/// </summary>
internal static class ResponseCheck
{
    // The contract's problem types and the statuses each comes with (CONTRACT.md, "Errors").
    private static readonly Dictionary<string, int[]> StatusOf = new(StringComparer.Ordinal)
    {
        ["validation-error"] = [422],
        ["malformed-request"] = [400],
        ["unauthorized"] = [401],
        ["forbidden"] = [403],
        ["not-found"] = [404],
        ["slot-conflict"] = [409],
        ["invalid-status-transition"] = [409],
        ["idempotency-key-in-use"] = [409],
        ["idempotency-key-mismatch"] = [422],
        ["rate-limited"] = [429],
        ["server-error"] = [500, 503],
    };

    public static IReadOnlyList<string> Violations(FuzzRequest request, FuzzResponse response, bool validMustSucceed)
    {
        var violations = new List<string>();
        if (!request.Operation.Responses.TryGetValue(response.Status, out var documented))
        {
            violations.Add($"status {response.Status} is not documented for {request.Operation}");
        }

        if (response.Status >= 500)
        {
            violations.Add($"a {response.Status} nobody injected");
        }

        if (!response.Headers.TryGetValue("X-Request-Id", out var requestId) || string.IsNullOrWhiteSpace(requestId))
        {
            violations.Add("no X-Request-Id header");
        }

        JToken? json = null;
        try
        {
            json = response.Body.Length == 0 ? null : Json.Parse(response.Body);
        }
        catch (JsonException exception)
        {
            violations.Add("the body is not JSON: " + exception.Message);
        }

        if (documented is not null)
        {
            if (documented.ContentType is { } type && response.MediaType != type)
            {
                violations.Add($"Content-Type {response.MediaType ?? "(none)"}, documented {type}");
            }

            // Retry-After is the contract's only optional header: 429 always carries it, a 409 or 503 may.
            foreach (var header in documented.Headers.Where(h => (h != "Retry-After" || response.Status == 429) && !response.Headers.ContainsKey(h)))
            {
                violations.Add($"no {header} header, documented for {response.Status}");
            }

            if (documented.SchemaName is { } schema)
            {
                if (json is null)
                {
                    violations.Add($"no body, documented as {schema}");
                }
                else
                {
                    violations.AddRange(ContractSpec.Instance.Validate(schema, json).Select(e => $"body not a valid {schema}: {e}"));
                }
            }
        }

        var problem = json as JObject;
        if (response.Status >= 400)
        {
            violations.AddRange(ProblemViolations(problem, response.Status));
        }

        if (request.IsValid && validMustSucceed && response.Status >= 400 && CrossFieldRules.Explain(request, response.Status, problem) is null)
        {
            violations.Add("a valid request was refused, and no cross-field rule of the contract explains it");
        }

        return violations;
    }

    private static IEnumerable<string> ProblemViolations(JObject? problem, int status)
    {
        if (problem is null)
        {
            yield return "an error without a problem object";
            yield break;
        }

        var type = (string?)problem["type"];
        if (type is null || !type.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal) || !StatusOf.TryGetValue(type[ProblemTypes.Prefix.Length..], out var statuses))
        {
            yield return $"problem type '{type}' is not one of the contract's";
        }
        else if (!statuses.Contains(status))
        {
            yield return $"problem type '{type}' does not go with status {status}";
        }

        if (problem["detail"] is not JValue { Type: JTokenType.String })
        {
            yield return "problem without a detail";
        }

        if (problem["title"] is not JValue { Type: JTokenType.String })
        {
            yield return "problem without a title";
        }

        if ((int?)problem["status"] != status)
        {
            yield return $"problem status {problem["status"]} is not the response's {status}";
        }

        var instance = (string?)problem["instance"];
        if (instance is null || instance.Any(c => c > '~' || c < '!') || !Uri.IsWellFormedUriString(instance, UriKind.RelativeOrAbsolute))
        {
            yield return $"problem instance '{instance}' is not a URI reference";
        }

        if (problem["request_id"] is not JValue { Type: JTokenType.String })
        {
            yield return "problem without a request_id";
        }
    }
}
