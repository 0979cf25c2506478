using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Faults;
using Dentally.NexGen.Client.Testing.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Middleware;

/// <summary>
/// Injected faults (<see cref="NexGenSandbox.InjectFault(string, string, SandboxFault, int)"/>): a fault
/// strikes before the request is handled (a status, a dropped connection, or a hold the operation waits
/// out) or after it was applied (the same, or a broken body in place of the committed answer).
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultRegistry faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var exchange = SandboxExchange.Of(context);
        var fault = faults.TryStrike(exchange.Request.Received);
        switch (fault)
        {
            case { IsAfterCommit: false, Kind: SandboxFaultKind.Status }:
                exchange.Answer = Problems.ForFault(exchange.Request, fault);
                return;
            case { IsAfterCommit: false, Kind: SandboxFaultKind.DropConnection }:
                exchange.Drop();
                return;
            case { IsAfterCommit: false, Kind: SandboxFaultKind.Delay }:
                exchange.Hold = fault.DelayDuration;
                break;
        }

        await next(context).ConfigureAwait(false);
        switch (fault)
        {
            case { Kind: var kind } when BodyFaults.IsBodyFault(kind) && exchange.Answer is { } answer:
                exchange.Answer = BodyFaults.Apply(answer, kind);
                break;
            case { IsAfterCommit: true, Kind: SandboxFaultKind.Status }:
                exchange.Answer = Problems.ForFault(exchange.Request, fault);
                break;
            case { IsAfterCommit: true, Kind: SandboxFaultKind.DropConnection }:
                exchange.Drop();
                break;
            case { IsAfterCommit: true, Kind: SandboxFaultKind.Delay }:
                await exchange.HoldAsync(fault.DelayDuration).ConfigureAwait(false);
                break;
        }
    }
}
