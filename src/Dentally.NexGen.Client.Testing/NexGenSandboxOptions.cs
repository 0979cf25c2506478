using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing;

/// <summary>How a <see cref="NexGenSandbox"/> is set up. Read once, when the sandbox starts.</summary>
public sealed class NexGenSandboxOptions
{
    /// <summary>The default tenant's organisation (<c>/api/v1/{org_id}</c>); its token gets 403 on any other organisation's path. Default: the guide's <c>org_7f3c2a9e</c>. More: <see cref="NexGenSandbox.AddTenant"/>.</summary>
    public string OrganizationId { get; set; } = SandboxSeed.OrganizationId;

    /// <summary>The default tenant's practice (<c>X-Practice-Id</c>); a practice the token was not issued for gets 403. Default: the spec's <c>practice_42</c>.</summary>
    public string PracticeId { get; set; } = SandboxSeed.PracticeId;

    /// <summary>The default tenant's bearer token; a token no tenant has gets 401. Default <see cref="SandboxSeed.Token"/>.</summary>
    public string Token { get; set; } = SandboxSeed.Token;

    /// <summary>Whether the spec's example sites, patients, providers and appointment types are loaded into the default tenant's organisation at start and on <see cref="NexGenSandbox.Reset"/>. Default <see langword="true"/>.</summary>
    public bool SeedGuideData { get; set; } = true;

    /// <summary>
    /// The grid free slots are aligned to, counted from each opening interval's start: with 15 minutes and
    /// a site opening at 08:30, slots start at 08:30, 08:45, 09:00… Default 15 minutes.
    /// </summary>
    public TimeSpan SlotInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The loopback port the sandbox listens on (<c>http://127.0.0.1:PORT</c>). Default 0: the operating
    /// system picks a free one, so tests never collide. A fixed port (1–65535) gives a sandbox that runs as
    /// a server of its own an address that stays the same between runs (<c>samples/Sandbox</c>); starting
    /// fails if another process already listens there.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// The sandbox's clock: <c>created_at</c>, <c>updated_at</c>, the arrival time of each request, the
    /// 24-hour idempotency window, "today" in availability, <c>Retry-After</c> dates and how long a
    /// <see cref="SandboxFault.Delay"/> holds a request. Give it a fake clock (FakeTimeProvider from
    /// Microsoft.Extensions.TimeProvider.Testing) and a test moves time itself: past the key window in
    /// a millisecond, or to the end of a hold exactly when it chooses. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal NexGenSandboxOptions Validated()
    {
        TenantRules.RequireId(OrganizationId, "NexGenSandboxOptions.OrganizationId", nameof(OrganizationId));
        TenantRules.RequireId(PracticeId, "NexGenSandboxOptions.PracticeId", nameof(PracticeId));
        TenantRules.RequireToken(Token, "NexGenSandboxOptions.Token", nameof(Token));
        if (SlotInterval <= TimeSpan.Zero || SlotInterval > TimeSpan.FromDays(1))
        {
            throw new ArgumentException("NexGenSandboxOptions.SlotInterval must be more than zero and at most one day.", nameof(SlotInterval));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"NexGenSandboxOptions.Port must be between 0 (a free port) and 65535, not {Port}.", nameof(Port));
        }

        // A copy, so that changing the options after start cannot change a running sandbox.
        return new NexGenSandboxOptions
        {
            OrganizationId = OrganizationId,
            PracticeId = PracticeId,
            Token = Token,
            SeedGuideData = SeedGuideData,
            SlotInterval = SlotInterval,
            Port = Port,
            TimeProvider = TimeProvider ?? throw new ArgumentException("NexGenSandboxOptions.TimeProvider is required.", nameof(TimeProvider)),
        };
    }
}
