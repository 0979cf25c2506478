namespace Dentally.NexGen.Client;

/// <summary>Free slots computed from opening hours minus existing bookings.</summary>
public class ScheduleOperations
{
    private readonly IScheduleClient _raw;
    private readonly NexGenScope _scope;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected ScheduleOperations()
    {
        _raw = null!;
        _scope = null!;
    }

    internal ScheduleOperations(IScheduleClient raw, NexGenScope scope)
    {
        _raw = raw;
        _scope = scope;
    }

    /// <summary>Finds free slots for an appointment type at a site between two practice-local times (at most 31 days apart).</summary>
    /// <param name="locationUuid">The site.</param>
    /// <param name="appointmentTypeUuid">The appointment type; its duration sizes the slots.</param>
    /// <param name="from">Window start, practice-local (<see cref="DateTimeKind.Unspecified"/>).</param>
    /// <param name="to">Window end, practice-local, after <paramref name="from"/>.</param>
    /// <param name="providerUuid">Only this provider's slots.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The free slots, ordered by start.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "'to' names the window's end as the API's query parameter does; renaming it would break named arguments.")]
    public virtual Task<Availability> GetAvailabilityAsync(Guid locationUuid, Guid appointmentTypeUuid, DateTime from, DateTime to, Guid? providerUuid = null, CancellationToken cancellationToken = default)
    {
        Validate.Id(locationUuid, nameof(locationUuid));
        Validate.Id(appointmentTypeUuid, nameof(appointmentTypeUuid));
        Validate.OptionalId(providerUuid, nameof(providerUuid));
        Validate.Window(from, to, nameof(from), nameof(to), Validate.MaxAvailabilityDays);
        return _raw.GetAvailabilityAsync(locationUuid, appointmentTypeUuid, PracticeLocalTime.ToWire(from), PracticeLocalTime.ToWire(to), _scope.OrganizationId, _scope.PracticeId, providerUuid, cancellationToken);
    }

    /// <summary>As <see cref="GetAvailabilityAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="locationUuid">The site.</param>
    /// <param name="appointmentTypeUuid">The appointment type; its duration sizes the slots.</param>
    /// <param name="from">Window start, practice-local (<see cref="DateTimeKind.Unspecified"/>).</param>
    /// <param name="to">Window end, practice-local, after <paramref name="from"/>.</param>
    /// <param name="providerUuid">Only this provider's slots.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "'to' names the window's end as the API's query parameter does; renaming it would break named arguments.")]
    public virtual Task<NexGenResponse<Availability>> GetAvailabilityWithResponseAsync(Guid locationUuid, Guid appointmentTypeUuid, DateTime from, DateTime to, Guid? providerUuid = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => GetAvailabilityAsync(locationUuid, appointmentTypeUuid, from, to, providerUuid, cancellationToken));
}
