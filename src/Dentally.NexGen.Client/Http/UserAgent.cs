using System.Reflection;
using System.Runtime.InteropServices;

namespace Dentally.NexGen.Client;

/// <summary>Builds <c>Dentally.NexGen.Client/&lt;version&gt; (&lt;runtime&gt;; &lt;os&gt;) [suffix]</c>.</summary>
internal static class UserAgent
{
    public static string PackageVersion { get; } = ReadVersion();

    private static readonly string Base = $"Dentally.NexGen.Client/{PackageVersion} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim()})";

    // IHttpClientFactory configures a new HttpClient for every resolved client: the value for the
    // last suffix is kept rather than rebuilt each time.
    private static Entry s_last = new(null, Base);

    public static string Build(string? suffix)
    {
        var last = s_last;
        if (string.Equals(last.Suffix, suffix, StringComparison.Ordinal))
        {
            return last.Value;
        }

        var value = string.IsNullOrWhiteSpace(suffix) ? Base : Base + " " + suffix!.Trim();
        s_last = new Entry(suffix, value);
        return value;
    }

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

    /// <summary>A class, not a pair struct, so the cache is swapped in one atomic write.</summary>
    private sealed class Entry(string? suffix, string value)
    {
        public string? Suffix { get; } = suffix;

        public string Value { get; } = value;
    }
}
