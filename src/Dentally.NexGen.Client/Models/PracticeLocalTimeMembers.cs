using Newtonsoft.Json;

namespace Dentally.NexGen.Client;

// Typed views of the generated models' practice-local time strings. [JsonIgnore] keeps them off the wire.

/// <summary>A booked appointment.</summary>
public partial class Appointment
{
    /// <summary><see cref="ScheduledStart"/> as a practice-local <see cref="DateTime"/> (<see cref="DateTimeKind.Unspecified"/>).</summary>
    [JsonIgnore]
    public DateTime LocalStart => PracticeLocalTime.FromWire(ScheduledStart);

    /// <summary><see cref="ScheduledEnd"/> as a practice-local <see cref="DateTime"/> (<see cref="DateTimeKind.Unspecified"/>).</summary>
    [JsonIgnore]
    public DateTime LocalEnd => PracticeLocalTime.FromWire(ScheduledEnd);
}

/// <summary>A free window for one provider at one site.</summary>
public partial class Slot
{
    /// <summary><see cref="ScheduledStart"/> as a practice-local <see cref="DateTime"/> (<see cref="DateTimeKind.Unspecified"/>).</summary>
    [JsonIgnore]
    public DateTime LocalStart => PracticeLocalTime.FromWire(ScheduledStart);

    /// <summary><see cref="ScheduledEnd"/> as a practice-local <see cref="DateTime"/> (<see cref="DateTimeKind.Unspecified"/>).</summary>
    [JsonIgnore]
    public DateTime LocalEnd => PracticeLocalTime.FromWire(ScheduledEnd);
}
