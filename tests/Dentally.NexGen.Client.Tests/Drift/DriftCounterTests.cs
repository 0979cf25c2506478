namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>
/// The drift counter is on the SDK's one process-wide meter: its tests run alone, so a listener sees only
/// the measurements of the test that made them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DriftCounterTests
{
    public const string Name = "Contract drift counter";
}
