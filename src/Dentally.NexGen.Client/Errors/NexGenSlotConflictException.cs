namespace Dentally.NexGen.Client;

/// <summary>
/// 409 <c>slot-conflict</c>: the provider or operatory is already booked for the requested window.
/// <see cref="Conflict"/> is the colliding booking; <see cref="SuggestedSlots"/> were free when the conflict was detected.
/// </summary>
public class NexGenSlotConflictException : NexGenConflictException
{
    internal NexGenSlotConflictException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
        var problem = response.Problem as ConflictProblem;
        Conflict = problem?.Conflict;
        SuggestedSlots = problem?.SuggestedSlots?.ToList() ?? new List<Slot>();
    }

    /// <summary>The existing booking the requested window collides with, when the server said.</summary>
    public ConflictDetail? Conflict { get; }

    /// <summary>Slots that were free when the conflict was detected, in the server's order (possibly none).</summary>
    public IReadOnlyList<Slot> SuggestedSlots { get; }
}
