using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// Reports the contract drift met in responses: a Warning log event and the
/// <see cref="NexGenDiagnostics.ContractDriftCounter"/> counter, each once per operation and JSON path for the
/// life of the client's options (<see cref="ContractDriftPaths"/>; a registered client's live as long as the
/// app), so a drifted field in every answer makes one line, not one per call. Paths and kinds only, never a value.
/// </summary>
internal sealed class ContractDriftReporter(ILogger logger, bool enabled, ContractDriftPaths reported)
{
    private static readonly Counter<long> Drift = NexGenDiagnostics.Meter.CreateCounter<long>(
        NexGenDiagnostics.ContractDriftCounter, description: "Differences from the SDK's contract met in responses, once per operation and JSON path.");

    // The contract's operations (generated constants, so a handful): one each, made once.
    private readonly ConcurrentDictionary<string, ReportedOperation> _operations = new(StringComparer.Ordinal);

    /// <summary>Whether reporting is on (<see cref="NexGenClientOptions.ReportContractDrift"/>).</summary>
    public bool Enabled => enabled;

    /// <summary>The operation <paramref name="operationId"/> as reported by this reporter, the same instance each time.</summary>
    public ReportedOperation For(string operationId)
        => _operations.TryGetValue(operationId, out var operation) ? operation : _operations.GetOrAdd(operationId, new ReportedOperation(operationId, this));

    /// <summary>Reports <paramref name="finding"/> in the answer to <paramref name="request"/>, whose tenant the log line names, unless reported before.</summary>
    public void Report(HttpRequestMessage? request, string operation, ContractDriftFinding finding, string driftClass)
    {
        if (!enabled || !reported.TryAdd(operation, finding.Path, finding.Kind, driftClass))
        {
            return;
        }

        var tenant = request is null ? null : RequestScope.Get(request);
        ContractDriftLog.Drift(logger, operation, finding.Path, finding.Kind, driftClass, tenant?.OrganizationIdOrNull, tenant?.PracticeIdOrNull);
        Drift.Add(
            1,
            new KeyValuePair<string, object?>(NexGenDiagnostics.OperationTag, operation),
            new KeyValuePair<string, object?>(NexGenDiagnostics.DriftClassTag, driftClass),
            new KeyValuePair<string, object?>(NexGenDiagnostics.DriftKindTag, finding.Kind));
    }
}
