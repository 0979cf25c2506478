using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;

namespace Dentally.NexGen.Client.Testing.Idempotency;

/// <summary>The answer of <see cref="IdempotencyStore.Begin"/>; a <see cref="IdempotencyOutcome.Proceed"/> claim must be completed.</summary>
internal sealed class IdempotencyClaim
{
    public IdempotencyClaim(IdempotencyOutcome outcome, string entryId, SandboxResponse? stored = null)
    {
        Outcome = outcome;
        EntryId = entryId;
        Stored = stored;
    }

    public IdempotencyOutcome Outcome { get; }

    public string EntryId { get; }

    /// <summary>The response to replay, for <see cref="IdempotencyOutcome.Replay"/>.</summary>
    public SandboxResponse? Stored { get; }
}
