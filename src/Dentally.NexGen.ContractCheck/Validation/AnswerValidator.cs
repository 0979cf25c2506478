using System.Globalization;
using Dentally.NexGen.ContractCheck.Contract;
using Dentally.NexGen.ContractCheck.Probing;
using Dentally.NexGen.ContractCheck.Reporting;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// Checks one answer against its operation in the contract: a documented status, <c>X-Request-Id</c>, no
/// announcement that the operation is going (<c>Deprecation</c>, <c>Sunset</c>),
/// a documented media type, a body valid for the schema (by NJsonSchema), and for a problem a
/// <c>type</c> the contract documents for that status (breaking only for a 409 or 422, where the SDK reads it).
/// </summary>
internal sealed class AnswerValidator(ContractDocument contract, DifferenceLog log)
{
    // The settings bring NJsonSchema's format validators (uuid, date, email, uri…, and date-time as
    // RFC 3339 has it); the parameterless constructor checks no format at all.
    private readonly JsonSchemaValidator _validator = new(InstantFormatValidator.Settings());

    /// <summary>
    /// A transient status (<see cref="TransientStatus"/>: 408, 429, 500, 502, 503, 504) the operation does not document, or whose body is not of a media type the contract
    /// documents for it (an HTML page): proxies and load balancers send their own, as the SDK's drift report knows.
    /// </summary>
    private static bool IsFromAProxy(ProbeAnswer answer, IReadOnlyDictionary<string, NSwag.OpenApiResponse> responses)
        => TransientStatus.Is(answer.Status)
           && (!responses.TryGetValue(answer.Status.ToString(CultureInfo.InvariantCulture), out var documented)
               || !documented.ActualResponse.Content.Keys.Any(k => string.Equals(k, answer.MediaType, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Checks the answer and logs every difference found.</summary>
    public void Check(ProbeAnswer answer)
    {
        var operation = answer.Operation.Id;
        void Report(string path, DifferenceClass @class, string kind, string expected, string actual)
            => log.Add(new ContractDifference(operation, path, @class, kind, expected, actual) { RequestId = answer.RequestId });

        var responses = answer.Operation.Operation.ActualResponses;
        var status = answer.Status.ToString(CultureInfo.InvariantCulture);
        if (IsFromAProxy(answer, responses))
        {
            // A gateway's or load balancer's own 502 page is the server's state, not its contract: the SDK retries
            // it and reports no drift. A documented status is left to the request's own expectation to report.
            if (!responses.ContainsKey(status))
            {
                Report("status", DifferenceClass.Info, DifferenceKinds.NotChecked, $"an answer to the {answer.Operation.Method} request", status + ": the server was busy or failing");
            }

            return;
        }

        if (string.IsNullOrEmpty(answer.RequestId))
        {
            Report("header X-Request-Id", DifferenceClass.Breaking, DifferenceKinds.MissingRequestId, "X-Request-Id on every answer", "absent");
        }

        if (answer.Deprecation is { } deprecation)
        {
            // The API announces the operation is going: it works today; the value (a date) is not quoted.
            Report("header " + deprecation, DifferenceClass.Info, DifferenceKinds.Deprecated, "no Deprecation or Sunset header", deprecation);
        }

        if (!responses.TryGetValue(status, out var documented) && !responses.TryGetValue("default", out documented))
        {
            // A 404 the operation does not document means the route itself is gone; a redirect, that it moved.
            var (kind, actual) = answer.Status switch
            {
                404 => (DifferenceKinds.OperationMissing, status),
                301 or 302 or 303 or 307 or 308 => (DifferenceKinds.Redirected, status + " redirect to " + (answer.MovedTo ?? "no Location")),
                _ => (DifferenceKinds.UndocumentedStatus, status),
            };
            Report("status", DifferenceClass.Breaking, kind, "one of " + string.Join(", ", responses.Keys), actual);
            return;
        }

        var content = documented.ActualResponse.Content;
        if (content.Count == 0)
        {
            return;
        }

        // Media types are case-insensitive (RFC 9110 8.3.1): Application/JSON is the contract's application/json.
        var mediaType = answer.MediaType is null ? null : content.FirstOrDefault(c => string.Equals(c.Key, answer.MediaType, StringComparison.OrdinalIgnoreCase)).Value;
        if (mediaType is null)
        {
            Report("header Content-Type", DifferenceClass.Breaking, DifferenceKinds.MediaTypeChanged, string.Join(" or ", content.Keys), answer.MediaType ?? "none");
            return;
        }

        if (answer.Body is null)
        {
            Report("$", DifferenceClass.Breaking, DifferenceKinds.BodyNotJson, "a JSON body", answer.BodyIsJson ? "null" : "a body that is not JSON");
            return;
        }

        if (mediaType.Schema is { } schema)
        {
            foreach (var difference in SchemaErrorTranslator.Translate(operation, _validator.Validate(answer.Body, schema.ActualSchema, SchemaType.OpenApi3), contract.Rules))
            {
                log.Add(difference with { RequestId = answer.RequestId });
            }

            foreach (var (token, integer) in IntegerRange.BeyondInt32(answer.Body, schema.ActualSchema))
            {
                Report(JsonPathText.FromValidationPath(token.Path), DifferenceClass.Breaking, DifferenceKinds.TypeChanged, ValueDescription.TypeOf(integer), "integer beyond int32");
            }
        }

        var problemTypes = ProblemTypes.DocumentedIn(mediaType);
        if (problemTypes.Count > 0 && answer.ProblemType is { } type && !problemTypes.Contains(type))
        {
            // As the SDK classes it in production (ContractStatus.ReportUndocumentedProblemType): it picks its exception
            // by the type only for a 409 or 422; for any other status (a gateway's about:blank 404) it goes by the status.
            var @class = answer.Status is 409 or 422 ? DifferenceClass.Breaking : DifferenceClass.Info;
            Report("$.type", @class, DifferenceKinds.ProblemTypeChanged, "one of " + string.Join(", ", problemTypes), ValueDescription.ProblemType(type));
        }
    }
}
