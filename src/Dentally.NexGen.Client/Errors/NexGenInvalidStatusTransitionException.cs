namespace Dentally.NexGen.Client;

/// <summary>409 <c>invalid-status-transition</c>: the appointment's current status does not allow the change.</summary>
public class NexGenInvalidStatusTransitionException : NexGenConflictException
{
    internal NexGenInvalidStatusTransitionException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
        var problem = response.Problem as InvalidStatusTransitionProblem;
        CurrentStatus = problem?.CurrentStatus;
        AllowedTransitions = problem?.AllowedTransitions?.ToList() ?? new List<string>();
    }

    /// <summary>The appointment's status on the server (see <see cref="AppointmentStatuses"/>; may be a value this SDK does not know).</summary>
    public string? CurrentStatus { get; }

    /// <summary>The statuses the appointment may move to from <see cref="CurrentStatus"/> (empty when final).</summary>
    public IReadOnlyList<string> AllowedTransitions { get; }
}
