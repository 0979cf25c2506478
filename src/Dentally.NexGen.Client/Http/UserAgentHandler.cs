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

    // SourceLink appends "+<commit>" to the informational version; the package version is what comes before it.
    private static string ReadVersion()
        => typeof(UserAgentHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] is { Length: > 0 } version
            ? version
            : typeof(UserAgentHandler).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
