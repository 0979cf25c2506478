namespace Dentally.NexGen.Tool;

/// <summary>What a command reads and writes outside its arguments, so tests can run the tool in process.</summary>
/// <param name="Output">Where results go (stdout).</param>
/// <param name="Error">Where progress and failures go (stderr).</param>
/// <param name="Environment">Reads an environment variable.</param>
internal sealed record ToolConsole(TextWriter Output, TextWriter Error, Func<string, string?> Environment)
{
    /// <summary>The handler the check's requests go through; <see langword="null"/> for the network (tests set a stub).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>The clock "today" is read from.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
