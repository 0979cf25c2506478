using System.CommandLine;

namespace Dentally.NexGen.Tool;

/// <summary>The <c>nexgen</c> command line: its commands, and exit code 2 with one line for arguments it cannot use.</summary>
internal static class NexGenCommandLine
{
    /// <summary>How long the tool may take after Ctrl+C: enough for a booking's recovery, its cancels and a look at its slot at the default 30-second request timeout.</summary>
    private static readonly TimeSpan CleanUpAfterCtrlC = TimeSpan.FromSeconds(150);

    public static async Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("nexgen: checks a Dentally NexGen server, or a newer contract, against the contract this SDK was generated from.")
        {
            CheckCommand.Create(console),
            DiffCommand.Create(console),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            var command = parse.CommandResult.Command is RootCommand ? "nexgen" : $"nexgen {parse.CommandResult.Command.Name}";
            return CheckCommand.Fail(console, $"{parse.Errors[0].Message.TrimEnd('.')}. Run '{command} --help' for the options.");
        }

        // Ctrl+C cancels the check, which then still cancels what it booked (a request or two, each within the
        // request timeout); System.CommandLine's default ends the process 2 seconds after Ctrl+C, mid-cancel.
        var configuration = new InvocationConfiguration { Output = console.Output, Error = console.Error, ProcessTerminationTimeout = CleanUpAfterCtrlC };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
