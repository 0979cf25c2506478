namespace Dentally.NexGen.Client.Testing.Tests.Support;

/// <summary>A clock that stays where it is put, so created_at and updated_at are predictable.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
