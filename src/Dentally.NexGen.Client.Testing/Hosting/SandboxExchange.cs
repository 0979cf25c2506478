using Dentally.NexGen.Client.Testing.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Dentally.NexGen.Client.Testing.Hosting;

/// <summary>
/// One request on its way through the rules (a feature of its <see cref="HttpContext"/>): what was
/// received, the answer computed so far, a hold set by a delay fault, and whether the connection was dropped.
/// </summary>
internal sealed class SandboxExchange(HttpContext context, SandboxRequest request, TimeProvider clock, CancellationToken closing)
{
    public SandboxRequest Request { get; } = request;

    /// <summary>The exchange of a request, set by the request id rule.</summary>
    public static SandboxExchange Of(HttpContext context) => context.Features.GetRequiredFeature<SandboxExchange>();

    /// <summary>The answer to send; set by the rule or operation that decides it.</summary>
    public SandboxResponse? Answer { get; set; }

    public bool IsDropped { get; private set; }

    /// <summary>How long a delay fault holds the request before it is handled (or refused).</summary>
    public TimeSpan Hold { get; set; }

    /// <summary>Closes the connection without a response: the client sees an I/O error.</summary>
    public void Drop()
    {
        IsDropped = true;
        context.Abort();
    }

    /// <summary>Waits out <see cref="Hold"/>, once.</summary>
    public Task HoldAsync()
    {
        var hold = Hold;
        Hold = TimeSpan.Zero;
        return HoldAsync(hold);
    }

    // On the sandbox's clock, so that a test on a fake clock decides when a held request is answered.
    public Task HoldAsync(TimeSpan hold) => hold > TimeSpan.Zero ? Task.Delay(hold, clock, closing) : Task.CompletedTask;
}
