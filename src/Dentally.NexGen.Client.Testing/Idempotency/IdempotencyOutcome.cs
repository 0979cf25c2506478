namespace Dentally.NexGen.Client.Testing.Idempotency;

/// <summary>What a POST carrying an <c>Idempotency-Key</c> should do.</summary>
internal enum IdempotencyOutcome
{
    /// <summary>The key is new (or expired): run the request; the key is now in use.</summary>
    Proceed,

    /// <summary>The key completed with the same body: send the stored response again.</summary>
    Replay,

    /// <summary>The key was used with a different body: 422 <c>idempotency-key-mismatch</c>.</summary>
    Mismatch,

    /// <summary>The key's first request is still running: 409 <c>idempotency-key-in-use</c>.</summary>
    InUse,
}
