using System.Diagnostics;
using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>
/// The process dies mid-booking: the booking sample runs as a child process against this test's
/// sandbox, the server commits its POST and holds the answer, the child is killed with SIGKILL, and
/// the same command is run again with the same key.
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private const string Key = "partner-booking-kill-1";
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = new TestClock() });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact(Skip = OnlyWithTheSamples.SkipAsAProcess)]
    public async Task A_booking_killed_after_the_server_committed_is_finished_by_running_the_same_command_again()
    {
        // On the sandbox's fake clock, which nobody moves, the answer is held until the process is killed.
        _sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.Delay(TimeSpan.FromSeconds(30)).AfterCommit());

        using (var first = StartSample())
        {
            await Waiting.UntilAsync(() => _sandbox.GetAppointments().Count == 1 || first.HasExited, "the sample's POST");
            Assert.False(first.HasExited, "the sample ended before it was killed");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            Assert.Equal(137, first.ExitCode); // 128 + SIGKILL
        }

        var made = Assert.Single(_sandbox.GetAppointments());
        using var again = StartSample();
        // Real time, as a guard only: a second run takes a few seconds, a hundred times less than this.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = again.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = again.StandardError.ReadToEndAsync(timeout.Token);
        await again.WaitForExitAsync(timeout.Token);

        Assert.True(again.ExitCode == 0, await error);
        Assert.Contains($"Appointment  {made.Uuid}", await output, StringComparison.Ordinal);
        Assert.Equal(made.Uuid, Assert.Single(_sandbox.GetAppointments(), a => a.Status != AppointmentStatuses.Cancelled).Uuid);
        var keys = _sandbox.ReceivedRequests.Where(r => r.Method == "POST").Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal([Key + "/appointment", Key + "/appointment"], keys);
    }

    private Process StartSample()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "BookAppointment.dll"),
            "--base-url", _sandbox.BaseAddress.ToString(), "--token", _sandbox.Token, "--org", _sandbox.OrganizationId, "--practice", _sandbox.PracticeId,
            "--idempotency-key", Key,
        })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
