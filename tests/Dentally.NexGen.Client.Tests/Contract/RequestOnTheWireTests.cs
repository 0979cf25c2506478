using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>For every operation, the exact request the generated client puts on the wire.</summary>
public sealed class RequestOnTheWireTests : IDisposable
{
    private readonly WireMockApi _api = new();

    public static TheoryData<string> OperationIds()
    {
        var data = new TheoryData<string>();
        foreach (var operation in OperationCase.All)
        {
            data.Add(operation.OperationId);
        }

        return data;
    }

    [Fact]
    public void Every_operation_of_the_spec_has_a_case()
    {
        Assert.Equal(
            ContractSpec.Instance.Operations().Select(o => o.OperationId).Order(StringComparer.Ordinal),
            OperationCase.All.Select(c => c.OperationId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Sends_exactly_the_documented_request(string operationId)
    {
        var operation = OperationCase.Get(operationId);
        var (method, path) = ContractSpec.Instance.Operations().Single(o => o.OperationId == operationId) is var o ? (o.Method, o.Path) : default;
        Assert.Equal(method, operation.Method);
        var success = ContractSpec.Instance.Responses(operationId).First(r => r.Status is >= 200 and < 300);
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(success.Status).WithHeader("Content-Type", "application/json").WithBody(success.Body.ToString()));
        var body = operation.HasBody ? ContractSpec.Instance.RequestExample(operationId) : null;

        await operation.Invoke(_api.Clients, body);

        var request = Assert.Single(_api.Server.LogEntries).RequestMessage!;
        Assert.Equal(operation.Method, request.Method);
        Assert.Equal(operation.Path, request.AbsolutePath);
        Assert.Equal(operation.Query, (request.RawQuery ?? string.Empty).TrimStart('?'));
        Assert.Equal(PathTemplate.Fill(path, request.AbsolutePath), request.AbsolutePath);
        foreach (var (name, value) in operation.Headers)
        {
            Assert.Equal(value, Assert.Single(request.Headers![name]));
        }

        if (!operation.Headers.ContainsKey("Idempotency-Key"))
        {
            Assert.False(request.Headers!.ContainsKey("Idempotency-Key"), "an Idempotency-Key was sent unasked");
        }

        Assert.Contains("application/json", request.Headers!["Accept"]);
        if (body is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), "a GET carried a body");
        }
        else
        {
            Assert.StartsWith("application/json", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
            var sent = Json.Parse(request.Body!);
            Assert.True(JToken.DeepEquals(body, sent), $"sent {sent} but the spec example is {body}");
            var errors = ContractSpec.Instance.Validate(ContractSpec.Instance.RequestSchemaName(operationId), sent);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }
    }

    [Fact]
    public async Task The_guide_POST_body_goes_out_byte_for_byte_in_meaning()
    {
        _api.Server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(GuideJson.Confirmation));
        var create = new AppointmentCreate
        {
            PatientUuid = OperationCase.PatientUuid,
            AppointmentTypeUuid = OperationCase.TypeUuid,
            LocationUuid = OperationCase.SiteUuid,
            ProviderUuid = OperationCase.ProviderUuid,
            ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
            ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
            Notes = "New patient — first visit",
        };

        var created = await _api.Clients.Appointments.CreateAppointmentAsync(create, OperationCase.Org);

        var sent = Json.Parse(_api.Server.LogEntries.Single().RequestMessage!.Body!);
        Assert.True(JToken.DeepEquals(Json.Parse(GuideJson.AppointmentPost), sent), sent.ToString());
        Assert.Equal(new DateTime(2025, 5, 20, 10, 0, 0), created.ScheduledStart);
        Assert.Equal(AppointmentStatuses.Scheduled, created.Status);
    }

    public void Dispose() => _api.Dispose();
}

/// <summary>Checks that a concrete path is an instance of a spec path template.</summary>
internal static class PathTemplate
{
    public static string Fill(string template, string concrete)
    {
        var templateParts = template.Split('/');
        var concreteParts = concrete.Split('/');
        Assert.Equal(templateParts.Length, concreteParts.Length);
        return string.Join('/', templateParts.Select((part, i) => part.StartsWith('{') ? concreteParts[i] : part));
    }
}
