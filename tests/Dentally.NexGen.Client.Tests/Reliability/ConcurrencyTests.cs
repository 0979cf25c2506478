using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Workflow;

namespace Dentally.NexGen.Client.Tests.Reliability;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_hundred_bookings_into_twenty_free_slots_make_exactly_twenty_appointments()
    {
        await using var sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { SlotInterval = TimeSpan.FromHours(1) });

        await ParallelBooking.RunAndCheck(sandbox, bookings: 200, freeSlots: 20, days: 3);
    }
}
