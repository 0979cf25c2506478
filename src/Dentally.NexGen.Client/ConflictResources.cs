namespace Dentally.NexGen.Client;

/// <summary>
/// The <see cref="ConflictDetail.Resource"/> values this version of the contract knows (which resource a
/// <c>slot-conflict</c> found double-booked), as <c>const</c> strings so that they compare with <c>==</c>
/// and serve as <c>case</c> labels. The set is extensible: a value added later reaches the caller unchanged.
/// </summary>
public static class ConflictResources
{
    /// <summary>The provider is already booked.</summary>
    public const string Provider = "provider";

    /// <summary>The operatory (surgery room) is already booked.</summary>
    public const string Operatory = "operatory";
}
