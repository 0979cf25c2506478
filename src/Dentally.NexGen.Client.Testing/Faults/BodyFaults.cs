using Dentally.NexGen.Client.Testing.Handlers;

namespace Dentally.NexGen.Client.Testing.Faults;

/// <summary>What the body faults do to a response that was computed (and committed) normally.</summary>
internal static class BodyFaults
{
    public static bool IsBodyFault(SandboxFaultKind kind)
        => kind is SandboxFaultKind.MalformedBody or SandboxFaultKind.EmptyBody or SandboxFaultKind.InvalidJson;

    public static SandboxResponse Apply(SandboxResponse response, SandboxFaultKind kind)
    {
        var body = response.Body ?? string.Empty;
        return kind switch
        {
            // Deterministic: the first half of the real body is never valid JSON for an object or array.
            SandboxFaultKind.MalformedBody => response.WithBody(body.Length > 1 ? body[..(body.Length / 2)] : "{"),
            // Complete, but the first member's colon becomes a comma: no JSON parser accepts it.
            SandboxFaultKind.InvalidJson => response.WithBody(body.IndexOf("\":", StringComparison.Ordinal) is var colon and >= 0
                ? body[..(colon + 1)] + "," + body[(colon + 2)..]
                : body + "}"),
            // The status line and headers, then nothing.
            SandboxFaultKind.EmptyBody => response.WithBody(string.Empty),
            _ => response,
        };
    }
}
