#if NEXGEN_SAMPLES
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;
using Dentally.NexGen.Samples.BookAppointment;
using Dentally.NexGen.Samples.Sandbox;

namespace Dentally.NexGen.Client.Tests.Samples;

/// <summary>
/// samples/Sandbox serves the sandbox as a server of its own, in-process here as `dotnet run` would, and
/// the booking command it prints books against it; run twice with its key, the second run says the
/// booking already exists.
/// </summary>
public sealed partial class SandboxSampleTests
{
    [Fact]
    public async Task The_printed_booking_command_books_and_its_rerun_says_already_booked_with_the_same_appointment()
    {
        await using var server = await RunningServer.StartAsync([]);
        var text = server.Output.ToString();
        var baseAddress = Assert.Single(BaseAddressLine().Matches(text)).Groups["url"].Value;
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", baseAddress);
        Assert.Contains($"  Token          {SandboxSeed.Token}", text, StringComparison.Ordinal);
        Assert.Contains($"  Organisation   {SandboxSeed.OrganizationId}", text, StringComparison.Ordinal);
        Assert.Contains($"  Practice       {SandboxSeed.PracticeId}", text, StringComparison.Ordinal);
        var command = Assert.Single(text.Split('\n'), line => line.TrimStart().StartsWith("dotnet run --project samples/BookAppointment -- ", StringComparison.Ordinal)).Trim();
        var args = command["dotnet run --project samples/BookAppointment -- ".Length..].Split(' ');

        var (firstCode, first, firstError) = await BookAsync(args);
        var (secondCode, second, secondError) = await BookAsync(args);

        Assert.True(firstCode == 0, firstError);
        Assert.True(secondCode == 0, secondError);
        var booked = Assert.Single(AppointmentLine().Matches(first)).Groups["uuid"].Value;
        Assert.DoesNotContain("Already booked", first, StringComparison.Ordinal);
        Assert.Contains($"Already booked: appointment {booked} was made by an earlier run with this key (the server replayed that run's answer); nothing new was booked.", second, StringComparison.Ordinal);
        Assert.Contains("→ 201 Created, replayed: the answer an earlier run with this key got", second, StringComparison.Ordinal);
        Assert.Equal(booked, Assert.Single(AppointmentLine().Matches(second)).Groups["uuid"].Value);

        await server.StopAsync();
        Assert.EndsWith("Sandbox stopped." + Environment.NewLine, server.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_listens_on_the_port_given_and_serves_the_extra_tenants_each_with_a_command_that_books_there()
    {
        var port = FreePort();
        await using var server = await RunningServer.StartAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tenant", "org_second/practice_2/tok_second_1"]);
        var text = server.Output.ToString();

        Assert.Contains($"NexGen sandbox listening at http://127.0.0.1:{port} until stopped (Ctrl+C).", text, StringComparison.Ordinal);
        Assert.Contains("  Also serving   organisation org_second, practice practice_2, token tok_second_1", text, StringComparison.Ordinal);
        var command = Assert.Single(text.Split('\n'), line => line.Contains("--org org_second ", StringComparison.Ordinal)).Trim();
        var (code, output, error) = await BookAsync(command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' '));
        Assert.True(code == 0, error);
        Assert.Contains("Location     Main Street Dental", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_already_in_use_is_one_line_naming_the_option()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var output = new LockedWriter();
        var error = new LockedWriter();

        var code = await SandboxServer.RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error);

        Assert.Equal(1, code);
        Assert.Equal($"error: port {port} is already in use on 127.0.0.1; choose another with --port, or leave --port out for a free one.", error.ToString().Trim());
    }

    [Fact]
    public async Task Against_a_server_that_forgot_the_key_but_kept_its_data_the_rerun_is_found_and_said_to_be_already_booked()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
        string[] args = ["--base-url", sandbox.BaseAddress.ToString(), "--token", sandbox.Token, "--org", sandbox.OrganizationId, "--practice", sandbox.PracticeId, "--idempotency-key", "rerun-1"];
        var (_, first, _) = await BookAsync(args);
        sandbox.ForgetIdempotencyKeys();

        var (code, second, error) = await BookAsync(args);

        Assert.True(code == 0, error);
        var booked = Assert.Single(AppointmentLine().Matches(first)).Groups["uuid"].Value;
        Assert.Contains($"Already booked: appointment {booked} already holds this booking (patient, type, site, provider and length), so the earlier-run check took it as this key's earlier run; nothing new was booked.", second, StringComparison.Ordinal);
        Assert.Single(sandbox.GetAppointments());
    }

    [Fact]
    public async Task A_booking_found_by_the_earlier_run_check_but_made_with_another_key_is_not_said_to_be_this_keys()
    {
        // What a newcomer following the README meets: the quick start books Jane Smith's NPE at 10:00, then
        // the sandbox's printed command (another key) finds that appointment; no run with its key made it.
        await using var sandbox = await NexGenSandbox.StartAsync();
        string[] Args(string key) => ["--base-url", sandbox.BaseAddress.ToString(), "--token", sandbox.Token, "--org", sandbox.OrganizationId, "--practice", sandbox.PracticeId, "--idempotency-key", key];
        var (_, first, _) = await BookAsync(Args("quick-start-1"));

        var (code, second, error) = await BookAsync(Args("sandbox-booking-1"));

        Assert.True(code == 0, error);
        var booked = Assert.Single(AppointmentLine().Matches(first)).Groups["uuid"].Value;
        Assert.Contains($"Already booked: appointment {booked} already holds this booking", second, StringComparison.Ordinal);
        Assert.DoesNotContain("was made by an earlier run with this key", second, StringComparison.Ordinal);
        Assert.DoesNotContain("already booked by an earlier run with this key", second, StringComparison.Ordinal);
        Assert.Single(sandbox.GetAppointments());
    }

    [Fact]
    public async Task Against_the_embedded_sandbox_a_key_is_said_to_prove_itself_only_against_a_server_that_keeps_its_data()
    {
        var (code, output, error) = await BookAsync(["--idempotency-key", "embedded-1"]);
        var (_, help, _) = await BookAsync(["--help"]);

        Assert.True(code == 0, error);
        Assert.Contains("note: the embedded sandbox starts empty on every run", output, StringComparison.Ordinal);
        Assert.Contains($"start one with `{BookingSample.SandboxCommand}`", output, StringComparison.Ordinal);
        Assert.Equal("dotnet run --project samples/Sandbox -- --port 5080", BookingSample.SandboxCommand);
        Assert.Contains("keeps its data", help, StringComparison.Ordinal);
        Assert.Contains("samples/Sandbox", help, StringComparison.Ordinal);
        var (_, withoutKey, _) = await BookAsync([]);
        Assert.DoesNotContain("note:", withoutKey, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> BookAsync(string[] args) => SampleRun.BookingAsync(args);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^  Base address   (?<url>\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex BaseAddressLine();

    [GeneratedRegex(@"Appointment  (?<uuid>[0-9a-f-]{36})")]
    private static partial Regex AppointmentLine();

    /// <summary>The sample running as `dotnet run` runs it, until the test stops it as Ctrl+C would.</summary>
    private sealed class RunningServer : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task<int> _run = Task.FromResult(0);

        public LockedWriter Output { get; } = new();

        public LockedWriter Error { get; } = new();

        public static async Task<RunningServer> StartAsync(string[] args)
        {
            var server = new RunningServer();
            server._run = Task.Run(() => SandboxServer.RunAsync(args, server.Output, server.Error, server._stop.Token));
            await Waiting.UntilAsync(() => server.Output.ToString().Contains("NexGen__Token", StringComparison.Ordinal) || server._run.IsCompleted, "the sandbox's banner");
            Assert.False(server._run.IsCompleted, server.Error.ToString());
            return server;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            Assert.Equal(0, await _run.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_run.IsCompleted)
            {
                await StopAsync();
            }

            _stop.Dispose();
        }
    }
}
#else
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Samples;

public sealed class SandboxSampleTests
{
    [Fact(Skip = OnlyWithTheSamples.Skip)]
    public void The_printed_booking_command_books_and_its_rerun_says_already_booked_with_the_same_appointment() { }

    [Fact(Skip = OnlyWithTheSamples.Skip)]
    public void It_listens_on_the_port_given_and_serves_the_extra_tenants_each_with_a_command_that_books_there() { }

    [Fact(Skip = OnlyWithTheSamples.Skip)]
    public void A_port_already_in_use_is_one_line_naming_the_option() { }

    [Fact(Skip = OnlyWithTheSamples.Skip)]
    public void Against_a_server_that_forgot_the_key_but_kept_its_data_the_rerun_is_found_and_said_to_be_already_booked() { }

    [Fact(Skip = OnlyWithTheSamples.Skip)]
    public void Against_the_embedded_sandbox_a_key_is_said_to_prove_itself_only_against_a_server_that_keeps_its_data() { }
}
#endif
