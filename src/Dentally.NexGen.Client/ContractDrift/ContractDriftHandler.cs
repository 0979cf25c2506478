using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// Hands each request of a generated client the pipeline's <see cref="ContractDriftReporter"/>
/// (<see cref="ContractOperation.Bind"/>), which <see cref="ContractResponseReader"/> finds on the response. Its presence also tells the reader the body passed <see cref="ResponseBodyHandler"/>,
/// so it is one complete JSON value and a failed read is the contract's, not a cut-off body's.
/// Not async: it adds no state machine to a call.
/// </summary>
internal sealed class ContractDriftHandler(ContractDriftReporter reporter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ContractOperation.Bind(Guard.NotNull(request, nameof(request)), reporter);
        return base.SendAsync(request, cancellationToken);
    }
}
