using System.Net.Http;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Dentally.NexGen.Client;

/// <summary>
/// Sends <c>Dentally.NexGen.Client/&lt;version&gt; (&lt;runtime&gt;; &lt;os&gt;) [suffix]</c> unless the request
/// already has a <c>User-Agent</c> (HttpClient has merged its defaults by now, so an app's own wins).
/// </summary>
internal sealed class UserAgentHandler(string? suffix) : DelegatingHandler
{
    private const string Header = "User-Agent";

    // Declared before Base, which reads it: static fields are initialised in order.
    public static string PackageVersion { get; } = ReadVersion();

    private static readonly string Base =
        $"Dentally.NexGen.Client/{PackageVersion} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSDescription.Trim()})";

    private readonly string _value = string.IsNullOrWhiteSpace(suffix) ? Base : Base + " " + suffix!.Trim();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(Header))
        {
            request.Headers.TryAddWithoutValidation(Header, _value);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static string ReadVersion()
    {
        var assembly = typeof(UserAgentHandler).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString() ?? "0.0.0";
        }

        // SourceLink appends "+<commit>"; the package version is what comes before it.
        var plus = informational!.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
