using System.Diagnostics.Metrics;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>Every increment of <see cref="NexGenDiagnostics.ContractDriftCounter"/> while it is alive, with its tags.</summary>
internal sealed class DriftMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<IReadOnlyDictionary<string, object?>> _measurements = [];

    public DriftMeasurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NexGenDiagnostics.SourceName && instrument.Name == NexGenDiagnostics.ContractDriftCounter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (_measurements)
            {
                for (var i = 0; i < value; i++)
                {
                    _measurements.Add(copy);
                }
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> All
    {
        get
        {
            lock (_measurements)
            {
                return _measurements.ToList();
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
