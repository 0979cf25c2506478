using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// The bounds the client checks before sending are the spec's, compiled in when the client is built:
/// they equal the numbers read from spec/openapi.yaml here, and the messages quote them.
/// </summary>
public sealed class ContractBoundsTests : IDisposable
{
    private static readonly Guid Id = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");

    private readonly SdkHarness _harness = new();

    public static TheoryData<string, int> Bounds() => new()
    {
        { "components.parameters.PageSize.schema.maximum", ContractNumbers.PageSizeMaximum },
        { "components.parameters.PageSize.schema.minimum", ContractNumbers.PageSizeMinimum },
        { "components.parameters.Page.schema.minimum", ContractNumbers.PageMinimum },
        { "components.parameters.IdempotencyKey.schema.maxLength", ContractNumbers.IdempotencyKeyMaxLength },
        { "components.parameters.IdempotencyKey.schema.minLength", ContractNumbers.IdempotencyKeyMinLength },
        { "components.schemas.AppointmentCreate.properties.notes.maxLength", ContractNumbers.AppointmentCreateNotesMaxLength },
        { "components.schemas.AppointmentUpdate.properties.notes.maxLength", ContractNumbers.AppointmentUpdateNotesMaxLength },
        { "components.schemas.AppointmentCancel.properties.reason.maxLength", ContractNumbers.AppointmentCancelReasonMaxLength },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void A_bound_compiled_into_the_client_is_the_specs(string path, int compiled)
    {
        Assert.Equal((int)ContractSpec.Instance.Root.SelectToken(path)!, compiled);
    }

    [Fact]
    public async Task A_reason_over_the_specs_length_is_refused_with_that_length_and_one_at_it_is_sent()
    {
        var limit = (int)ContractSpec.Instance.Root.SelectToken("components.schemas.AppointmentCancel.properties.reason.maxLength")!;
        _harness.Server.Given(WireMock.RequestBuilders.Request.Create().UsingPost()).RespondWith(SdkHarness.Problem(404, "not-found", "Not found"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client.Appointments.CancelAsync(Id, new string('r', limit + 1)));
        Assert.Empty(_harness.Server.LogEntries);
        await Assert.ThrowsAsync<NexGenNotFoundException>(() => _harness.Client.Appointments.CancelAsync(Id, new string('r', limit)));

        Assert.StartsWith($"reason must be at most {limit} characters.", error.Message, StringComparison.Ordinal);
        Assert.Single(_harness.Server.LogEntries);
    }

    [Fact]
    public async Task An_undefined_status_target_is_refused_naming_the_specs_targets()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _harness.Client.Appointments.ChangeStatusAsync(Id, (StatusChangeTarget)42));

        var targets = ContractSpec.Instance.Root.SelectToken("components.schemas.StatusChangeTarget.enum")!.Select(t => (string)t!).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, target => Assert.Contains(target, error.Message, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => _harness.Dispose();
}
