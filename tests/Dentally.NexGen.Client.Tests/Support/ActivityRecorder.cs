using System.Diagnostics;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// Records the SDK's activities while it lives. The listener hears every test of the process: a test
/// picks its own by the trace id of a root activity it starts (<see cref="Under"/>) or by its own tags.
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NexGenDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (_stopped)
                {
                    _stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every activity stopped so far, in order.</summary>
    public IReadOnlyList<Activity> Stopped
    {
        get
        {
            lock (_stopped)
            {
                return _stopped.ToList();
            }
        }
    }

    /// <summary>The activities stopped so far under <paramref name="trace"/>.</summary>
    public IReadOnlyList<Activity> Under(ActivityTraceId trace) => Stopped.Where(a => a.TraceId == trace).ToList();

    public void Dispose() => _listener.Dispose();
}
