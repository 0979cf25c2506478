namespace Dentally.NexGen.Client.Testing;

/// <summary>How a <see cref="NexGenSandbox"/> is set up. Read once, when the sandbox starts.</summary>
public sealed class NexGenSandboxOptions
{
    /// <summary>The only organisation the sandbox serves (<c>/api/v1/{org_id}</c>); others get 403. Default: the guide's <c>org_7f3c2a9e</c>.</summary>
    public string OrganizationId { get; set; } = SandboxSeed.OrganizationId;

    /// <summary>The only practice the sandbox serves (<c>X-Practice-Id</c>); others get 403. Default: the spec's <c>practice_42</c>.</summary>
    public string PracticeId { get; set; } = SandboxSeed.PracticeId;

    /// <summary>The one bearer token the sandbox accepts; anything else gets 401. Default <see cref="SandboxSeed.Token"/>.</summary>
    public string Token { get; set; } = SandboxSeed.Token;

    /// <summary>Whether the spec's example sites, patients, providers and appointment types are loaded at start and on <see cref="NexGenSandbox.Reset"/>. Default <see langword="true"/>.</summary>
    public bool SeedGuideData { get; set; } = true;

    /// <summary>
    /// The grid free slots are aligned to, counted from each opening interval's start: with 15 minutes and
    /// a site opening at 08:30, slots start at 08:30, 08:45, 09:00… Default 15 minutes.
    /// </summary>
    public TimeSpan SlotInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The clock for <c>created_at</c>, <c>updated_at</c> and the 24-hour idempotency window. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal NexGenSandboxOptions Validated()
    {
        RequireText(OrganizationId, nameof(OrganizationId));
        RequireText(PracticeId, nameof(PracticeId));
        RequireText(Token, nameof(Token));
        if (Token.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("NexGenSandboxOptions.Token must not contain white space.", nameof(Token));
        }

        if (SlotInterval <= TimeSpan.Zero || SlotInterval > TimeSpan.FromDays(1))
        {
            throw new ArgumentException("NexGenSandboxOptions.SlotInterval must be more than zero and at most one day.", nameof(SlotInterval));
        }

        // A copy, so that changing the options after start cannot change a running sandbox.
        return new NexGenSandboxOptions
        {
            OrganizationId = OrganizationId,
            PracticeId = PracticeId,
            Token = Token,
            SeedGuideData = SeedGuideData,
            SlotInterval = SlotInterval,
            TimeProvider = TimeProvider ?? throw new ArgumentException("NexGenSandboxOptions.TimeProvider is required.", nameof(TimeProvider)),
        };
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() != value)
        {
            throw new ArgumentException($"NexGenSandboxOptions.{name} must be non-empty text without surrounding white space.", name);
        }
    }
}
