using System.Net.Http;
using Dentally.NexGen.Client.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client;

/// <summary>
/// Turns an error response into the matching <see cref="NexGenApiException"/> subtype. Whatever the
/// body is (problem JSON, a proxy's HTML page, nothing, or broken JSON) the caller gets a typed
/// exception with the status and request id, never a JSON parse error.
/// </summary>
internal static class ProblemResponseReader
{
    private const string StatusMember = "status";

    private static JsonSerializer Serializer => NexGenJsonSettings.Serializer;

    /// <param name="response">The error response.</param>
    /// <param name="time">The clock a <c>Retry-After</c> date is measured from when the response carries no <c>Date</c>.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    public static async Task<NexGenApiException> ReadExceptionAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var statusCode = (int)response.StatusCode;
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var json = TryParseObject(body);
        var problem = json is null ? null : TryReadProblem(json, statusCode, response);
        if (problem is null)
        {
            ContractStatus.ReportNotProblem(response);
        }
        else if (!ProblemTypes.IsDocumented(problem.Type?.OriginalString))
        {
            ContractStatus.ReportUndocumentedProblemType(response);
        }

        ContractStatus.ReportChallenge(response);
        ContractStatus.ReportUndocumentedError(response);

        var requestId = ApiErrorResponse.ReadRequestId(response)
            ?? problem?.RequestId
            ?? (json?["request_id"] as JValue)?.Value as string;
        var retryAfter = ApiErrorResponse.ReadRetryAfter(response, time.GetUtcNow());
        var error = new ApiErrorResponse(statusCode, problem, requestId, retryAfter);
        if (statusCode is >= 300 and < 400)
        {
            return new NexGenApiException(error, MovedUrl.Describe(response), innerException: null);
        }

        // A 401 whose challenge says the API's authentication moved says so, rather than a bare "Unauthorized".
        return statusCode == 401 && ChallengeChange.Describe(response) is { } moved ? new NexGenUnauthorizedException(error, moved) : Create(error);
    }

    /// <summary>Picks the exception type from the problem type, falling back to the status code.</summary>
    public static NexGenApiException Create(ApiErrorResponse response)
    {
        switch (response.Problem?.Type?.OriginalString)
        {
            case ProblemTypes.ValidationError: return new NexGenValidationException(response);
            case ProblemTypes.MalformedRequest: return new NexGenMalformedRequestException(response);
            case ProblemTypes.Unauthorized: return new NexGenUnauthorizedException(response);
            case ProblemTypes.Forbidden: return new NexGenForbiddenException(response);
            case ProblemTypes.NotFound: return new NexGenNotFoundException(response);
            case ProblemTypes.SlotConflict: return new NexGenSlotConflictException(response);
            case ProblemTypes.InvalidStatusTransition: return new NexGenInvalidStatusTransitionException(response);
            case ProblemTypes.IdempotencyKeyInUse: return new NexGenIdempotencyKeyInUseException(response);
            case ProblemTypes.IdempotencyKeyMismatch: return new NexGenIdempotencyKeyMismatchException(response);
            case ProblemTypes.RateLimited: return new NexGenRateLimitedException(response);
            case ProblemTypes.ServerError: return new NexGenServerException(response);
        }

        return response.StatusCode switch
        {
            400 => new NexGenMalformedRequestException(response),
            401 => new NexGenUnauthorizedException(response),
            403 => new NexGenForbiddenException(response),
            404 => new NexGenNotFoundException(response),
            409 => new NexGenConflictException(response),
            422 => new NexGenValidationException(response),
            429 => new NexGenRateLimitedException(response),
            >= 500 and <= 599 => new NexGenServerException(response),
            _ => new NexGenApiException(response),
        };
    }

    /// <summary>The problem <c>type</c> of <paramref name="body"/>, read as JSON (a <c>\/</c> is a slash), or <see langword="null"/>.</summary>
    public static string? TypeOf(string? body) => (TryParseObject(body)?["type"] as JValue)?.Value as string;

    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return null;
        }

        try
        {
            // The SDK's pipeline has already read the body into memory, bounded (ResponseBodyHandler).
            return await ResponseText.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // A body cut off mid-way still leaves the status and headers to report.
            return null;
        }
    }

    private static JObject? TryParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, ArrayPool = JsonCharBuffers.Shared };
            return JObject.Load(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Problem? TryReadProblem(JObject json, int statusCode, HttpResponseMessage response)
    {
        var problem = TryReadProblem(json, statusCode);
        // A fraction reads (422.5 as 422) where no int holds it: checked even when the problem was read.
        if (json[StatusMember] is { } status && (problem is null || status.Type == JTokenType.Float) && !ReadsAsInt(status))
        {
            // A status no int holds (99999999999, 422.5, null) would lose the whole problem, and with it the type
            // that picks the exception, the title and the detail: the member is dropped (Status 0, none) and
            // reported as the member of another type it is; the response's own status still says what happened.
            json[StatusMember] = 0;
            ContractStatus.ReportMistypedProblemMember(response, "$." + StatusMember);
            problem = TryReadProblem(json, statusCode);
        }

        return problem;
    }

    private static bool ReadsAsInt(JToken status)
    {
        if (status.Type == JTokenType.Float && status.Value<double>() is var number && Math.Truncate(number) != number)
        {
            return false;
        }

        try
        {
            status.ToObject<int>(Serializer);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or OverflowException or FormatException or InvalidCastException or ArgumentException)
        {
            return false;
        }
    }

    private static Problem? TryReadProblem(JObject json, int statusCode)
    {
        var type = (json["type"] as JValue)?.Value as string;
        var problemClass = type switch
        {
            ProblemTypes.ValidationError or ProblemTypes.IdempotencyKeyMismatch => typeof(ValidationProblem),
            ProblemTypes.SlotConflict or ProblemTypes.IdempotencyKeyInUse => typeof(ConflictProblem),
            ProblemTypes.InvalidStatusTransition => typeof(InvalidStatusTransitionProblem),
            _ when statusCode == 422 => typeof(ValidationProblem),
            _ when statusCode == 409 => typeof(ConflictProblem),
            _ => typeof(Problem),
        };

        if (json["suggested_slots"] is JArray suggested)
        {
            // A null among the suggestions is no slot: the others, and the conflict itself, still hold.
            foreach (var none in suggested.Where(slot => slot.Type == JTokenType.Null).ToList())
            {
                none.Remove();
            }
        }

        // A number too large for its int member is an OverflowException, not a JsonException (a BigInteger read as an int).
        try
        {
            return (Problem?)json.ToObject(problemClass, Serializer);
        }
        catch (Exception exception) when (exception is JsonException or OverflowException)
        {
            // Not a document of the expected shape; fall back to the members every problem has.
        }

        try
        {
            return json.ToObject<Problem>(Serializer);
        }
        catch (Exception exception) when (exception is JsonException or OverflowException)
        {
            return null;
        }
    }
}
