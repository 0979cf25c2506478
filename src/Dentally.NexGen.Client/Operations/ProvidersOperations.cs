namespace Dentally.NexGen.Client;

/// <summary>Clinicians who can be booked.</summary>
public sealed class ProvidersOperations
{
    private readonly IProvidersClient _raw;
    private readonly NexGenScope _scope;

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
    public Task<ProviderList> ListAsync(Guid? locationUuid = null, bool? isActive = null, CancellationToken cancellationToken = default)
        => _raw.ListProvidersAsync(_scope.OrganizationId, _scope.PracticeId, Validate.OptionalId(locationUuid, nameof(locationUuid)), isActive, cancellationToken);
}
