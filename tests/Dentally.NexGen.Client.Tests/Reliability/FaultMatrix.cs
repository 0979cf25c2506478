using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// The faults of the reliability matrix, each on three targets, with the outcome the SDK promises.
/// docs/reliability.md is rendered from this table (FaultMatrixTests checks it is in sync).
/// </summary>
internal static class FaultMatrix
{
    public const string Get = "GET /appointment-types";
    public const string KeyedPost = "POST /appointments (automatic key)";
    public const string UnkeyedPost = "POST /appointments (no key)";

    // On the cells' fake clock (client and sandbox share it): the attempt timeout fires only when a
    // cell moves time past it, so a healthy attempt never reaches it however slow the machine is.
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan OverallTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(3);

    public static readonly string[] Targets = [Get, KeyedPost, UnkeyedPost];

    /// <summary>
    /// Name, the fault on a GET, the fault on a POST (after the server committed wherever that can
    /// happen, the hardest case for a retry), and the typed error an unkeyed POST surfaces.
    /// </summary>
    public static readonly IReadOnlyList<Fault> Faults =
    [
        new("connection drop", SandboxFault.DropConnection(), SandboxFault.DropConnection().AfterCommit(), typeof(NexGenTransportException)),
        new("empty body", SandboxFault.EmptyBody(), SandboxFault.EmptyBody(), typeof(NexGenTransportException)),
        new("malformed JSON", SandboxFault.InvalidJson(), SandboxFault.InvalidJson(), typeof(NexGenTransportException)),
        new("truncated body", SandboxFault.MalformedBody(), SandboxFault.MalformedBody(), typeof(NexGenTransportException)),
        new("500", SandboxFault.Status(500), SandboxFault.Status(500).AfterCommit(), typeof(NexGenServerException)),
        new("502", SandboxFault.Status(502), SandboxFault.Status(502).AfterCommit(), typeof(NexGenServerException)),
        new("503", SandboxFault.Status(503), SandboxFault.Status(503).AfterCommit(), typeof(NexGenServerException)),
        new("504", SandboxFault.Status(504), SandboxFault.Status(504).AfterCommit(), typeof(NexGenServerException)),
        new("429, Retry-After: 1 (seconds)", SandboxFault.Status(429, TimeSpan.FromSeconds(1)), SandboxFault.Status(429, TimeSpan.FromSeconds(1)), typeof(NexGenRateLimitedException)),
        new("429, Retry-After as HTTP date", SandboxFault.Status(429, TimeSpan.FromSeconds(1)).WithRetryAfterAsHttpDate(), SandboxFault.Status(429, TimeSpan.FromSeconds(1)).WithRetryAfterAsHttpDate(), typeof(NexGenRateLimitedException)),
        new("delay past the attempt timeout", SandboxFault.Delay(Hold), SandboxFault.Delay(Hold).AfterCommit(), typeof(NexGenTimeoutException)),
    ];

    public static string Expected(Fault fault, string target) => target switch
    {
        Get => "recovers: 2 requests, the list",
        KeyedPost => "recovers: same key resent, exactly 1 appointment",
        _ => $"`{fault.UnkeyedError.Name}`, 1 request, no retry",
    };

    public static string RenderTable()
    {
        var lines = new List<string>
        {
            $"| fault (once) | {string.Join(" | ", Targets)} |",
            "|---|---|---|---|",
        };
        lines.AddRange(Faults.Select(f => $"| {f.Name}{(f.OnPost.IsAfterCommit ? " ¹" : string.Empty)} | {string.Join(" | ", Targets.Select(t => Expected(f, t)))} |"));
        return string.Join("\n", lines);
    }

    internal sealed record Fault(string Name, SandboxFault OnGet, SandboxFault OnPost, Type UnkeyedError)
    {
        public override string ToString() => Name;
    }
}
