using NJsonSchema;
using NSwag;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>
/// The limits the sandbox validates, each read from the schema or parameter of the spec that sets it.
/// None of these numbers is written anywhere else in the sandbox (a test checks).
/// </summary>
internal static class ContractLimits
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static OpenApiComponents Components => SandboxContract.Instance.Document.Components;

    /// <summary><c>AppointmentCreate.notes</c>.</summary>
    public static int BookingNotesMaxLength { get; } = MaxLength(Property("AppointmentCreate", "notes"));

    /// <summary><c>AppointmentUpdate.notes</c>.</summary>
    public static int UpdateNotesMaxLength { get; } = MaxLength(Property("AppointmentUpdate", "notes"));

    /// <summary><c>AppointmentCancel.reason</c>.</summary>
    public static int CancelReasonMaxLength { get; } = MaxLength(Property("AppointmentCancel", "reason"));

    /// <summary>The <c>query</c> of <c>searchPatients</c>.</summary>
    public static int PatientQueryMaxLength { get; } = MaxLength(Parameter("searchPatients", "query"));

    /// <summary>The <c>Idempotency-Key</c> header.</summary>
    public static int IdempotencyKeyMaxLength { get; } = MaxLength(Components.Parameters["IdempotencyKey"].ActualSchema);

    /// <summary>The <c>page_size</c> query parameter's maximum.</summary>
    public static int PageSizeMax { get; } = (int)(Components.Parameters["PageSize"].ActualSchema.Maximum ?? throw Missing("PageSize maximum"));

    /// <summary>The <c>page_size</c> a request without one gets.</summary>
    public static int PageSizeDefault { get; } = Convert.ToInt32(Components.Parameters["PageSize"].ActualSchema.Default ?? throw Missing("PageSize default"), System.Globalization.CultureInfo.InvariantCulture);

    private static JsonSchemaProperty Property(string schema, string property) => Components.Schemas[schema].ActualProperties[property];

    private static JsonSchema Parameter(string operationId, string name)
        => SandboxContract.Instance.Document.Operations.Single(o => o.Operation.OperationId == operationId).Operation.ActualParameters.Single(p => p.Name == name).ActualSchema;

    private static int MaxLength(JsonSchema schema) => schema.MaxLength ?? throw Missing("a maxLength");

    private static InvalidOperationException Missing(string what) => new($"The contract (openapi.yaml) no longer sets {what} the sandbox validates.");
}
