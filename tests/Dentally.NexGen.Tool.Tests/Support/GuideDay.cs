using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Tool.Tests.Support;

/// <summary>The booking guide's day: every test's "today", so no outcome depends on the wall clock.</summary>
internal static class GuideDay
{
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2025, 5, 19, 8, 0, 0, TimeSpan.Zero));
}
