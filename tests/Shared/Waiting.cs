namespace Dentally.NexGen.TestSupport;

/// <summary>
/// Waits for something another task, a server or a process does while the test's clock stands still.
/// It polls a condition, never a duration: how fast the machine is changes only how long it polls.
/// </summary>
internal static class Waiting
{
    /// <summary>How long, in real time, before a wait gives up. Only a failing test ever waits this long.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {Patience.TotalSeconds} s of real time.");
            }

            await Task.Delay(1);
        }
    }
}
