using System.Net.Http;
using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// Base class of the generated per-area clients (<see cref="SitesClient"/>, <see cref="PatientsClient"/>, …).
/// It resolves request URLs against <see cref="HttpClient.BaseAddress"/> whether or not that address
/// ends with a slash, and turns every non-success response into a typed <see cref="NexGenApiException"/>.
/// </summary>
public abstract class NexGenClientBase
{
    /// <summary>Called by the generated code before the request URI is built.</summary>
    /// <param name="client">The HTTP client that will send the request.</param>
    /// <param name="request">The request being prepared.</param>
    /// <param name="urlBuilder">The operation's relative URL (path and query).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task.</returns>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken)
    {
        Guard.NotNull(client, nameof(client));
        Guard.NotNull(urlBuilder, nameof(urlBuilder));

        // Generated paths are relative ("api/v1/…"); HttpClient resolves them against a normalised base
        // address (the SDK's own clients have one), any other is made absolute here.
        if (client.BaseAddress is not { } baseAddress || !BaseAddress.IsNormalized(baseAddress))
        {
            urlBuilder.Insert(0, BaseAddress.Normalize(client.BaseAddress).AbsoluteUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>The tenant of the <see cref="NexGenClient"/> (or its <see cref="NexGenClient.ForPractice"/> scope) this client belongs to; none for a generated client built directly (its errors then read a <c>Retry-After</c> date on the system clock).</summary>
    internal NexGenScope? Scope { get; set; }

    /// <summary>Called by the generated code once the request URI is set, just before sending.</summary>
    /// <param name="client">The HTTP client that will send the request.</param>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="url">The absolute request URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task.</returns>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        // The pipeline asks the token provider for this tenant's token and tags the request's telemetry with it.
        if (Scope is not null && request is not null)
        {
            RequestScope.Set(request, RequestScope.Of(request, client?.BaseAddress, Scope));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Called by the generated code when the response headers have arrived. An error status becomes the matching
    /// <see cref="NexGenApiException"/> subtype, whatever the body holds; an undocumented success, <see cref="NexGenContractViolationException"/>.
    /// </summary>
    /// <param name="client">The HTTP client that sent the request.</param>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>A task that completes when a success response may be read by the generated code.</returns>
    protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Guard.NotNull(response, nameof(response));

        if (ContractStatus.IsDocumentedSuccess(response))
        {
            return;
        }

        throw await ProblemResponseReader.ReadExceptionAsync(response, Scope?.Time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
    }
}
