namespace Dentally.NexGen.Client;

/// <summary>Clinicians who can be booked.</summary>
public class ProvidersOperations
{
    private readonly IProvidersClient _raw;
    private readonly NexGenScope _scope;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected ProvidersOperations()
    {
        _raw = null!;
        _scope = null!;
    }

    internal ProvidersOperations(IProvidersClient raw, NexGenScope scope)
    {
        _raw = raw;
        _scope = scope;
    }

    /// <summary>Lists providers, optionally those at one site or only active ones.</summary>
    /// <param name="locationUuid">Only providers working at this site.</param>
    /// <param name="isActive">When set, only providers whose active flag equals it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The providers.</returns>
    public virtual Task<ProviderList> ListAsync(Guid? locationUuid = null, bool? isActive = null, CancellationToken cancellationToken = default)
        => _raw.ListProvidersAsync(_scope.OrganizationId, _scope.PracticeId, Validate.OptionalId(locationUuid, nameof(locationUuid)), isActive, cancellationToken);

    /// <summary>As <see cref="ListAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="locationUuid">Only providers working at this site.</param>
    /// <param name="isActive">When set, only providers whose active flag equals it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<ProviderList>> ListWithResponseAsync(Guid? locationUuid = null, bool? isActive = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => ListAsync(locationUuid, isActive, cancellationToken));
}
