using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dentally.NexGen.Client;

/// <summary>The names under which the SDK reports activities, metrics and logs.</summary>
public static class NexGenDiagnostics
{
    /// <summary>The <see cref="ActivitySource"/>, <see cref="Meter"/> and logger category prefix: <c>Dentally.NexGen.Client</c>.</summary>
    public const string SourceName = "Dentally.NexGen.Client";

    /// <summary>The tag (activities and metrics) and log property naming the organisation of a call.</summary>
    public const string OrganizationIdTag = "nexgen.organization_id";

    /// <summary>The tag (activities and metrics) and log property naming the practice of a call.</summary>
    public const string PracticeIdTag = "nexgen.practice_id";

    internal static readonly ActivitySource ActivitySource = new(SourceName, UserAgentHandler.PackageVersion);

    internal static readonly Meter Meter = new(SourceName, UserAgentHandler.PackageVersion);
}
