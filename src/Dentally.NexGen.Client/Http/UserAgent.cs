using System.Reflection;
using System.Runtime.InteropServices;

namespace Dentally.NexGen.Client;

/// <summary>Builds <c>Dentally.NexGen.Client/&lt;version&gt; (&lt;runtime&gt;; &lt;os&gt;) [suffix]</c>.</summary>
internal static class UserAgent
{
    public static string PackageVersion { get; } = ReadVersion();

    private static readonly string Base = $"Dentally.NexGen.Client/{PackageVersion} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim()})";

    /// <summary>The value for an optional suffix; built once per handler, which then sends it with every request.</summary>
    public static string Build(string? suffix)
        => string.IsNullOrWhiteSpace(suffix) ? Base : Base + " " + suffix!.Trim();

    private static string ReadVersion()
    {
        var informational = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(UserAgent).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        }

        // SourceLink appends "+<commit>"; the package version is what comes before it.
        var plus = informational!.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
