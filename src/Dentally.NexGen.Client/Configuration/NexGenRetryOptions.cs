namespace Dentally.NexGen.Client;

/// <summary>
/// How transient failures (connection errors, 408, 429, 500, 502, 503, 504, a per-attempt timeout)
/// are retried: exponential backoff with jitter, or the server's <c>Retry-After</c> when it sends one.
/// GETs are retried; POST and PATCH only when they carry an <c>Idempotency-Key</c>.
/// </summary>
public sealed class NexGenRetryOptions
{
    /// <summary>Retries after the first attempt (0 disables retrying). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones double. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between attempts, also the cap on a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised so that many clients do not retry in step. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>How long to wait before retrying a 409 <c>idempotency-key-in-use</c> without <c>Retry-After</c>. Default 1 s.</summary>
    public TimeSpan IdempotencyKeyInUseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override string ToString()
        => $"{{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, UseJitter = {UseJitter} }}";
}
