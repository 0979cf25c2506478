using System.Diagnostics;
using Dentally.NexGen.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Samples.Snippets;

internal static class Observability
{
    public static void Logging(HostApplicationBuilder builder)
    {
        #region snippet:logging
        // Information (the default): one line per booking, a Warning when one fails.
        // Debug adds one line per HTTP attempt and per booking step.
        builder.Logging.AddFilter(NexGenDiagnostics.SourceName, LogLevel.Debug);
        #endregion
    }

    public static ActivityListener Tracing()
    {
        #region snippet:tracing
        // OpenTelemetry: .AddSource("Dentally.NexGen.Client") and .AddMeter("Dentally.NexGen.Client").
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NexGenDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Console.WriteLine($"{activity.DisplayName} {activity.Duration.TotalMilliseconds} ms"),
        };
        ActivitySource.AddActivityListener(listener);
        #endregion
        return listener;
    }
}
