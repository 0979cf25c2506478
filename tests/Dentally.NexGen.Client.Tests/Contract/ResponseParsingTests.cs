using Dentally.NexGen.Client.Serialization;
using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>
/// Every documented response of every operation, served from the spec's own examples, parses into
/// the generated types (success) or the matching typed exception (errors).
/// </summary>
public sealed class ResponseParsingTests : IDisposable
{
    private const string RequestId = "req_from_header_7Q";
    private static readonly JsonSerializerSettings Settings = NexGenJsonSettings.Apply(new JsonSerializerSettings());

    private static readonly Dictionary<string, Type> ExceptionByProblemType = new()
    {
        [ProblemTypes.ValidationError] = typeof(NexGenValidationException),
        [ProblemTypes.MalformedRequest] = typeof(NexGenMalformedRequestException),
        [ProblemTypes.Unauthorized] = typeof(NexGenUnauthorizedException),
        [ProblemTypes.Forbidden] = typeof(NexGenForbiddenException),
        [ProblemTypes.NotFound] = typeof(NexGenNotFoundException),
        [ProblemTypes.SlotConflict] = typeof(NexGenSlotConflictException),
        [ProblemTypes.InvalidStatusTransition] = typeof(NexGenInvalidStatusTransitionException),
        [ProblemTypes.IdempotencyKeyInUse] = typeof(NexGenIdempotencyKeyInUseException),
        [ProblemTypes.IdempotencyKeyMismatch] = typeof(NexGenIdempotencyKeyMismatchException),
        [ProblemTypes.RateLimited] = typeof(NexGenRateLimitedException),
        [ProblemTypes.ServerError] = typeof(NexGenServerException),
    };

    private readonly WireMockApi _api = new();

    public static TheoryData<string, int, string> DocumentedResponses()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var operation in ContractSpec.Instance.Operations())
        {
            foreach (var response in ContractSpec.Instance.Responses(operation.OperationId))
            {
                data.Add(response.OperationId, response.Status, response.ExampleName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedResponses))]
    public async Task Parses_the_documented_response(string operationId, int status, string exampleName)
    {
        var documented = ContractSpec.Instance.Responses(operationId).Single(r => r.Status == status && r.ExampleName == exampleName);
        var operation = OperationCase.Get(operationId);
        var response = Response.Create().WithStatusCode(status)
            .WithHeader("Content-Type", documented.ContentType)
            .WithHeader("X-Request-Id", RequestId)
            .WithBody(documented.Body.ToString(Formatting.None));
        if (documented.Headers.Contains("Retry-After"))
        {
            response = response.WithHeader("Retry-After", "7");
        }

        _api.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
        var body = operation.HasBody ? ContractSpec.Instance.RequestExample(operationId) : null;

        if (status < 400)
        {
            var result = await operation.Invoke(_api.Clients, body);
            var roundTripped = ToJson(result);
            AssertSameJson(documented.Body, roundTripped);
            return;
        }

        var exception = await Assert.ThrowsAnyAsync<NexGenApiException>(() => operation.Invoke(_api.Clients, body));
        var problemType = (string)documented.Body["type"]!;
        Assert.IsType(ExceptionByProblemType[problemType], exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(RequestId, exception.RequestId);
        Assert.NotNull(exception.Problem);
        Assert.Equal(problemType, exception.ProblemType);
        Assert.Equal((string)documented.Body["title"]!, exception.Problem!.Title);
        Assert.Equal((string?)documented.Body["detail"], exception.Problem.Detail);
        Assert.Equal((string?)documented.Body["instance"], exception.Problem.Instance);
        Assert.Equal((string?)documented.Body["request_id"], exception.Problem.RequestId);
        Assert.Equal(documented.Headers.Contains("Retry-After") ? TimeSpan.FromSeconds(7) : null, exception.RetryAfter);
        Assert.Contains(exception.Problem.Title, exception.Message, StringComparison.Ordinal);
        Assert.Contains(RequestId, exception.Message, StringComparison.Ordinal);
        if (status < 500)
        {
            // A 4xx says what to change: the detail, and the invalid fields by name (never their values).
            Assert.Contains(exception.Problem.Detail!, exception.Message, StringComparison.Ordinal);
            foreach (var field in ((JObject?)documented.Body["errors"])?.Properties() ?? [])
            {
                Assert.Contains(field.Name, exception.Message, StringComparison.Ordinal);
                Assert.All(field.Value, v => Assert.DoesNotContain((string)v!, exception.Message, StringComparison.Ordinal));
            }
        }
        else
        {
            Assert.DoesNotContain(exception.Problem.Detail!, exception.Message, StringComparison.Ordinal);
        }

        switch (exception)
        {
            case NexGenValidationException validation:
                var errors = (JObject?)documented.Body["errors"];
                Assert.Equal(errors?.Count ?? 0, validation.Errors.Count);
                foreach (var field in errors?.Properties() ?? [])
                {
                    Assert.Equal(field.Value.Select(v => (string)v!), validation.Errors[field.Name]);
                }

                break;
            case NexGenSlotConflictException conflict:
                AssertSameJson(documented.Body["conflict"]!, ToJson(conflict.Conflict!));
                AssertSameJson(documented.Body["suggested_slots"]!, ToJson(conflict.SuggestedSlots));
                break;
            case NexGenInvalidStatusTransitionException transition:
                Assert.Equal((string)documented.Body["current_status"]!, transition.CurrentStatus);
                Assert.Equal(documented.Body["allowed_transitions"]!.Select(v => (string)v!), transition.AllowedTransitions);
                break;
        }
    }

    /// <summary>Serializes a model the way the SDK does and reads it back as plain JSON.</summary>
    internal static JToken ToJson(object value) => Json.Parse(JsonConvert.SerializeObject(value, Settings));

    /// <summary>
    /// Same JSON meaning: absent equals null (optional members are omitted when null), and instants
    /// compare as instants ("Z" and "+00:00" are the same moment). Every other string compares exactly.
    /// </summary>
    internal static void AssertSameJson(JToken expected, JToken actual)
    {
        Assert.True(JToken.DeepEquals(Normalize(expected), Normalize(actual)), $"expected {expected}\nactual {actual}");
    }

    private static JToken Normalize(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                return new JObject(obj.Properties().Where(p => p.Value.Type != JTokenType.Null).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Normalize(p.Value))));
            case JArray array:
                return new JArray(array.Select(Normalize));
            case JValue { Type: JTokenType.Date, Value: DateTimeOffset offset }:
                return new JValue(offset.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            case JValue { Type: JTokenType.String } value when ((string)value!).EndsWith('Z') && DateTimeOffset.TryParse((string)value!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant):
                return new JValue(instant.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            case JValue { Type: JTokenType.String } value when System.Text.RegularExpressions.Regex.IsMatch((string)value!, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"):
                return new JValue(DateTimeOffset.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            default:
                return token.DeepClone();
        }
    }

    public void Dispose() => _api.Dispose();
}
