#if NEXGEN_SAMPLES
using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>The booking sample when its outcome is unknown: it says how to run again safely, and running again books nothing new.</summary>
public sealed class SampleRerunTests : IAsyncLifetime
{
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [InlineData("sample-booking-1")]
    [InlineData(null)]
    public async Task An_unknown_outcome_prints_the_option_to_run_again_and_running_it_books_nothing_new(string? givenKey)
    {
        var lost = _sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.DropConnection().AfterCommit(), times: int.MaxValue);

        var (exitCode, _, error) = await RunAsync(givenKey is null ? [] : ["--idempotency-key", givenKey]);

        Assert.Equal(75, exitCode);
        Assert.Contains("The appointment may exist", error, StringComparison.Ordinal);
        var option = error.Split('\n').Single(l => l.Contains("--idempotency-key ", StringComparison.Ordinal));
        var key = option[(option.LastIndexOf(' ') + 1)..].Trim();
        if (givenKey is not null)
        {
            Assert.Equal(givenKey, key);
        }

        var made = Assert.Single(_sandbox.GetAppointments());
        lost.Cancel();
        var (again, output, _) = await RunAsync(["--idempotency-key", key]);

        Assert.Equal(0, again);
        Assert.Contains($"Appointment  {made.Uuid}", output, StringComparison.Ordinal);
        Assert.Single(_sandbox.GetAppointments());
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string[] extra)
    {
        string[] connection = ["--base-url", _sandbox.BaseAddress.ToString(), "--token", _sandbox.Token, "--org", _sandbox.OrganizationId, "--practice", _sandbox.PracticeId];
        return SampleRun.BookingAsync([.. connection, .. extra]);
    }
}
#else
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

public sealed class SampleRerunTests
{
    [Fact(Skip = OnlyWithTheSamples.Skip)]
    public void An_unknown_outcome_prints_the_option_to_run_again_and_running_it_books_nothing_new() { }
}
#endif
