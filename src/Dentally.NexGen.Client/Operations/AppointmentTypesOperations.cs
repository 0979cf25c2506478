namespace Dentally.NexGen.Client;

/// <summary>The organisation's configured appointment types.</summary>
public sealed class AppointmentTypesOperations
{
    private readonly IAppointmentTypesClient _raw;
    private readonly NexGenScope _scope;

    internal AppointmentTypesOperations(IAppointmentTypesClient raw, NexGenScope scope)
    {
        _raw = raw;
        _scope = scope;
    }

    /// <summary>Lists appointment types; <paramref name="isActive"/> = <see langword="true"/> excludes archived ones.</summary>
    /// <param name="isActive">When set, only types whose active flag equals it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The types.</returns>
    public Task<AppointmentTypeList> ListAsync(bool? isActive = null, CancellationToken cancellationToken = default)
        => _raw.ListAppointmentTypesAsync(_scope.OrganizationId, _scope.PracticeId, isActive, cancellationToken);
}
