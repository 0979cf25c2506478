namespace Dentally.NexGen.Client;

/// <summary>The organisation's configured appointment types.</summary>
public class AppointmentTypesOperations
{
    private readonly IAppointmentTypesClient _raw;
    private readonly NexGenScope _scope;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected AppointmentTypesOperations()
    {
        _raw = null!;
        _scope = null!;
    }

    internal AppointmentTypesOperations(IAppointmentTypesClient raw, NexGenScope scope)
    {
        _raw = raw;
        _scope = scope;
    }

    /// <summary>Lists appointment types; <paramref name="isActive"/> = <see langword="true"/> excludes archived ones.</summary>
    /// <param name="isActive">When set, only types whose active flag equals it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The types.</returns>
    public virtual Task<AppointmentTypeList> ListAsync(bool? isActive = null, CancellationToken cancellationToken = default)
        => _raw.ListAppointmentTypesAsync(_scope.OrganizationId, _scope.PracticeId, isActive, cancellationToken);

    /// <summary>As <see cref="ListAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="isActive">When set, only types whose active flag equals it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<AppointmentTypeList>> ListWithResponseAsync(bool? isActive = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => ListAsync(isActive, cancellationToken));
}
