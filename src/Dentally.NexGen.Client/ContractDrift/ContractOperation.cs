using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// What a request carries for <see cref="ContractResponseReader"/>, in one entry of its property bag: the
/// contract's operationId, set by the generated client that built it (CodeGeneration/Client.Class.BeforeSend.liquid),
/// which the pipeline's <see cref="ContractDriftHandler"/> replaces with its <see cref="ReportedOperation"/>.
/// Replacing rather than adding keeps the bag within the size it is first allocated with.
/// </summary>
internal static class ContractOperation
{
    /// <summary>Named when the generated code did not say (a subclass that reads a body itself).</summary>
    public const string Unknown = "(unknown)";

    private const string Key = "Dentally.NexGen.Client.Operation";

#pragma warning disable CS0618 // Properties is the one per-request bag on every target framework (Options is .NET 5+).
    public static void Set(HttpRequestMessage request, string operationId)
    {
        if (request is not null)
        {
            request.Properties[Key] = operationId;
        }
    }

    public static void Bind(HttpRequestMessage request, ContractDriftReporter reporter)
    {
        if (request.Properties.TryGetValue(Key, out var value) && value is string operationId)
        {
            request.Properties[Key] = reporter.For(operationId);
        }
    }

    /// <summary>The operation of <paramref name="request"/>, and the reporter of the pipeline that sent it (none without the SDK's pipeline).</summary>
    public static (string Operation, ContractDriftReporter? Reporter) Of(HttpRequestMessage? request)
    {
        object? value = null;
        request?.Properties.TryGetValue(Key, out value);
        return value switch
        {
            ReportedOperation reported => (reported.Id, reported.Reporter),
            string operationId => (operationId, null),
            _ => (Unknown, null),
        };
    }
#pragma warning restore CS0618
}
