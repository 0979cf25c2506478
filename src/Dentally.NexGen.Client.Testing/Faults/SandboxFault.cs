namespace Dentally.NexGen.Client.Testing;

/// <summary>
/// Something that goes wrong with a request, for <see cref="NexGenSandbox.InjectFault(string, string, SandboxFault, int)"/>.
/// By default a fault strikes <em>before</em> the request is handled, so nothing changes on the server;
/// <see cref="AfterCommit"/> makes it strike <em>after</em> the request was applied (the booking exists,
/// its idempotency key is recorded) — the lost-response case that idempotent retries exist for.
/// </summary>
public sealed class SandboxFault
{
    private SandboxFault(SandboxFaultKind kind, int statusCode, TimeSpan? retryAfter, TimeSpan delay, bool isAfterCommit, bool retryAfterAsHttpDate = false)
    {
        RetryAfterAsHttpDate = retryAfterAsHttpDate;
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        DelayDuration = delay;
        IsAfterCommit = isAfterCommit;
    }

    /// <summary>What the fault does.</summary>
    public SandboxFaultKind Kind { get; }

    /// <summary>The status code of a <see cref="SandboxFaultKind.Status"/> fault; 0 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> sent with a <see cref="SandboxFaultKind.Status"/> fault (whole seconds, rounded up).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How long a <see cref="SandboxFaultKind.Delay"/> fault holds the request.</summary>
    public TimeSpan DelayDuration { get; }

    /// <summary>Whether the request is applied to the sandbox's state before the fault strikes.</summary>
    public bool IsAfterCommit { get; }

    /// <summary>Answers with <paramref name="statusCode"/> and a problem body of the matching type (429 <c>rate-limited</c>, 5xx <c>server-error</c>…).</summary>
    /// <param name="statusCode">An HTTP status code from 400 to 599.</param>
    /// <param name="retryAfter">Sent as <c>Retry-After</c> in whole seconds (rounded up) when set.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Status(int statusCode, TimeSpan? retryAfter = null)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A fault's status code must be from 400 to 599.");
        }

        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "retryAfter must not be negative.");
        }

        return new SandboxFault(SandboxFaultKind.Status, statusCode, retryAfter, TimeSpan.Zero, isAfterCommit: false);
    }

    /// <summary>Holds the request for <paramref name="delay"/>, then handles it normally. While a POST is held, its idempotency key is in use.</summary>
    /// <param name="delay">How long, on the sandbox's <see cref="NexGenSandboxOptions.TimeProvider"/>: a test on a fake clock ends the hold by advancing it.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Delay(TimeSpan delay)
        => delay < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(delay), delay, "delay must not be negative.")
            : new SandboxFault(SandboxFaultKind.Delay, 0, null, delay, isAfterCommit: false);

    /// <summary>Closes the connection without a response; the client sees an I/O error.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault DropConnection()
        => new(SandboxFaultKind.DropConnection, 0, null, TimeSpan.Zero, isAfterCommit: false);

    /// <summary>Handles the request (so a POST is applied), then sends only the first half of the body.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault MalformedBody()
        => new(SandboxFaultKind.MalformedBody, 0, null, TimeSpan.Zero, isAfterCommit: true);

    /// <summary>The request is handled (and committed); the response then carries its whole body with one syntax error.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault InvalidJson()
        => new(SandboxFaultKind.InvalidJson, 0, null, TimeSpan.Zero, isAfterCommit: true);

    /// <summary>Handles the request (so a POST is applied), then sends the status and headers with an empty body.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault EmptyBody()
        => new(SandboxFaultKind.EmptyBody, 0, null, TimeSpan.Zero, isAfterCommit: true);

    /// <summary>
    /// The same fault, striking after the request was applied: the change is made (and an idempotent
    /// POST's response recorded under its key) but the client gets the fault instead of the response.
    /// </summary>
    /// <returns>A new fault.</returns>
    public SandboxFault AfterCommit() => new(Kind, StatusCode, RetryAfter, DelayDuration, isAfterCommit: true, RetryAfterAsHttpDate);

    /// <summary>Whether <c>Retry-After</c> is sent as an HTTP date (<c>Tue, 20 May 2025 10:00:02 GMT</c>) rather than in seconds.</summary>
    public bool RetryAfterAsHttpDate { get; }

    /// <summary>The same fault with <c>Retry-After</c> sent as an HTTP date, rounded up to the next whole second.</summary>
    /// <returns>The fault.</returns>
    public SandboxFault WithRetryAfterAsHttpDate()
        => RetryAfter is null
            ? throw new InvalidOperationException("Only a fault with a Retry-After can send it as an HTTP date.")
            : new(Kind, StatusCode, RetryAfter, DelayDuration, IsAfterCommit, retryAfterAsHttpDate: true);

    /// <inheritdoc />
    public override string ToString()
    {
        var what = Kind switch
        {
            SandboxFaultKind.Status => RetryAfter is { } wait ? $"Status {StatusCode} (Retry-After {wait})" : $"Status {StatusCode}",
            SandboxFaultKind.Delay => $"Delay {DelayDuration}",
            _ => Kind.ToString(),
        };
        return IsAfterCommit ? what + " after commit" : what;
    }
}
