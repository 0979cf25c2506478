namespace Dentally.NexGen.ContractCheck;

/// <summary>What <see cref="NexGenContractCheck.RunAsync"/> checks and how.</summary>
public sealed class ContractCheckOptions
{
    /// <summary>The server's base address, e.g. <c>https://api.example.com</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The organisation (the <c>{org_id}</c> of <c>/api/v1</c> paths). Required.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The practice, sent as <c>X-Practice-Id</c>. Required.</summary>
    public string? PracticeId { get; set; }

    /// <summary>The bearer token. Required. Never written to the report, a message or a log.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Whether the check may write: one booking lifecycle in a free slot far from today (create under an
    /// <c>Idempotency-Key</c>, its replay, a conflicting create under another key, a status change and a
    /// cancel), which leaves nothing booked. Meant for a practice kept for testing. It never creates a
    /// patient. Off by default: then the check sends GET requests only, whatever the server answers.
    /// </summary>
    public bool AllowWrites { get; set; }

    /// <summary>A practice id the token must not see, for the 403 check. Default: one made up for the purpose.</summary>
    public string ForeignPracticeId { get; set; } = "nexgen-contract-check-foreign-practice";

    /// <summary>How many days from today the availability is read, and the booking lifecycle books (far from today, so no real patient's slot is taken). Default 60.</summary>
    public int DaysAhead { get; set; } = 60;

    /// <summary>The clock "today" is read from, and <see cref="RequestTimeout"/> is measured on. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The handler requests go through (a proxy, a test server). Default: a new <see cref="HttpClientHandler"/>. The check does not dispose a handler it is given.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>How long one request, its answer's body included, may take before the check gives up on the server, on <see cref="TimeProvider"/>'s clock. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest answer body the check reads, in bytes (after decompression). A larger one — a server streaming
    /// without end, or one that moved to answering everything at once — ends the check with a
    /// <see cref="NexGenContractCheckException"/>. Default 16 MiB, as the SDK's own limit.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Told what the check is doing as it goes, one short line a step (e.g. <c>GET listSites</c>); never a value from a record.</summary>
    public IProgress<string>? Progress { get; set; }
}
