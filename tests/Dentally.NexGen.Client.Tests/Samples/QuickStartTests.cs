using System.Diagnostics;
using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Samples;

/// <summary>
/// The README's dependency-injection quick start (samples/QuickStart, the whole snippet) run as a
/// process, as a newcomer runs it: with the environment variables its comment shows it books against a
/// sandbox, once however often it runs; without them it names the keys to set.
/// </summary>
public sealed class QuickStartTests
{
    [Fact(Skip = OnlyWithTheSamples.SkipAsAProcess)]
    public async Task With_the_variables_the_snippet_shows_it_books_and_a_second_run_returns_the_same_appointment()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
        var variables = new Dictionary<string, string>
        {
            ["NexGen__BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["NexGen__OrganizationId"] = sandbox.OrganizationId,
            ["NexGen__PracticeId"] = sandbox.PracticeId,
            ["NexGen__Token"] = sandbox.Token,
        };

        var first = await RunAsync(variables);
        var second = await RunAsync(variables);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var appointment = Assert.Single(sandbox.GetAppointments());
        // The host's console logger writes to the same output, in its own time: the line is looked for, not its place.
        Assert.Contains($"{appointment.Uuid} scheduled at ", first.Output, StringComparison.Ordinal);
        Assert.Contains($"{appointment.Uuid} scheduled at ", second.Output, StringComparison.Ordinal);
    }

    [Fact(Skip = OnlyWithTheSamples.SkipAsAProcess)]
    public async Task Without_configuration_it_names_the_keys_to_set()
    {
        var (exitCode, _, error) = await RunAsync(new Dictionary<string, string>());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("The configuration has no section 'NexGen'", error, StringComparison.Ordinal);
        Assert.Contains("Configuration key NexGen:BaseAddress (environment variable NexGen__BaseAddress)", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(Dictionary<string, string> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // An empty folder: no appsettings.json of anyone else's.
            WorkingDirectory = Directory.CreateTempSubdirectory("nexgen-quickstart-").FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QuickStart.dll"));
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("NexGen", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        // Real time, as a guard only: the app runs in a few seconds, a hundred times less than this.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
