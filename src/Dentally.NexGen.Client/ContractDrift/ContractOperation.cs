using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// What a request carries for <see cref="ContractResponseReader"/>: the contract's operationId, set by
/// the generated client that built it (CodeGeneration/Client.Class.BeforeSend.liquid), and the drift
/// reporter of the pipeline that sends it (<see cref="ContractDriftHandler"/>).
/// </summary>
internal static class ContractOperation
{
    /// <summary>Named when the generated code did not say (a subclass that reads a body itself).</summary>
    public const string Unknown = "(unknown)";

    private const string OperationKey = "Dentally.NexGen.Client.Operation";
    private const string ReporterKey = "Dentally.NexGen.Client.ContractDrift";

#pragma warning disable CS0618 // Properties is the one per-request bag on every target framework (Options is .NET 5+).
    public static void Set(HttpRequestMessage request, string operationId)
    {
        if (request is not null)
        {
            request.Properties[OperationKey] = operationId;
        }
    }

    public static string Of(HttpRequestMessage? request)
        => request is not null && request.Properties.TryGetValue(OperationKey, out var id) && id is string operation ? operation : Unknown;

    public static void SetReporter(HttpRequestMessage request, ContractDriftReporter reporter) => request.Properties[ReporterKey] = reporter;

    public static ContractDriftReporter? ReporterOf(HttpRequestMessage? request)
        => request is not null && request.Properties.TryGetValue(ReporterKey, out var reporter) ? reporter as ContractDriftReporter : null;
#pragma warning restore CS0618
}
