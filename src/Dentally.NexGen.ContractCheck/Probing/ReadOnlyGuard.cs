namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// The last line of defence of a read-only check: any request that is not GET is refused here before
/// it leaves the process, whatever the code above decided — so no answer from the server can lead a
/// read-only check to write.
/// </summary>
internal sealed class ReadOnlyGuard : DelegatingHandler
{
    public ReadOnlyGuard(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => request.Method == HttpMethod.Get
            ? base.SendAsync(request, cancellationToken)
            : throw new InvalidOperationException($"A read-only contract check never sends {request.Method}; allow writes to check the booking lifecycle.");
}
