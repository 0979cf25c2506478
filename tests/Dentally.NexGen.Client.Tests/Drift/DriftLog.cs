using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Logging.Testing;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>The drift a harness's client logged: each event's operation, path, kind and class, and that no value was logged.</summary>
internal static class DriftLog
{
    public const string EventName = "NexGenContractDrift";

    /// <summary>(operation, path, kind, class) of each drift event logged, in order.</summary>
    public static List<(string? Operation, string? Path, string? Kind, string? Class)> Of(SdkHarness harness)
        => harness.Logs.GetSnapshot()
            .Where(r => r.Id.Name == EventName)
            .Select(r => (State(r, "Operation"), State(r, "JsonPath"), State(r, "DriftKind"), State(r, "DriftClass")))
            .ToList();

    /// <summary>Fails when any log line, its state or its exception holds one of <paramref name="values"/>.</summary>
    public static void AssertNoValueLogged(SdkHarness harness, params string[] values)
    {
        var logged = harness.Logs.GetSnapshot()
            .SelectMany(r => new[] { r.Message, string.Join(";", r.StructuredState?.Select(s => s.Value) ?? []), r.Exception?.ToString() ?? string.Empty })
            .ToList();
        foreach (var value in values)
        {
            Assert.DoesNotContain(logged, line => line.Contains(value, StringComparison.Ordinal));
        }
    }

    private static string? State(FakeLogRecord record, string key)
        => record.StructuredState?.FirstOrDefault(s => s.Key == key).Value;
}
