using Dentally.NexGen.Tool;

namespace Dentally.NexGen.Tool.Tests.Support;

/// <summary>The nexgen tool run in process: its exit code and what it wrote to each stream.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public static Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) => RunAsync(environment, server: null, args);

    /// <summary>The tool run with its requests sent through <paramref name="server"/>.</summary>
    public static Task<ToolRun> RunAsync(HttpMessageHandler server, params string[] args) => RunAsync(null, server, args);

    private static async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string>? environment, HttpMessageHandler? server, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, name => environment?.GetValueOrDefault(name)) { TimeProvider = GuideDay.NewClock(), HttpMessageHandler = server };
        var exitCode = await NexGenCommandLine.RunAsync(args, console);
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<ToolRun> RunAsync(params string[] args) => RunAsync(environment: null, server: null, args);

    /// <summary>The last line written to the error stream.</summary>
    public string LastErrorLine => Error.TrimEnd().Split('\n')[^1];
}
