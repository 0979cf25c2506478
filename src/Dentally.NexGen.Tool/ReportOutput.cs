using System.CommandLine;

namespace Dentally.NexGen.Tool;

/// <summary>The <c>--format</c> and <c>--out</c> options every reporting command shares, and the writing they ask for.</summary>
internal sealed class ReportOutput
{
    public Option<string> Format { get; } = new Option<string>("--format")
    {
        Description = "text (for people) or json (for machines).",
        DefaultValueFactory = _ => ReportFormat.Text,
    }.AcceptOnlyFromAmong(ReportFormat.Text, ReportFormat.Json);

    public Option<FileInfo?> Out { get; } = new("--out") { Description = "Write the report to this file instead of the standard output." };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Out);
    }

    /// <summary>Whether JSON was asked for.</summary>
    public bool IsJson(ParseResult parse) => parse.GetValue(Format) == ReportFormat.Json;

    /// <summary>Writes the report in the format asked for, to <c>--out</c> or the standard output.</summary>
    public async Task WriteAsync(ParseResult parse, ToolConsole console, Action<TextWriter> text, Action<TextWriter> json)
    {
        var write = IsJson(parse) ? json : text;
        if (parse.GetValue(Out) is not { } file)
        {
            write(console.Output);
            return;
        }

        await using (var writer = new StreamWriter(file.FullName))
        {
            write(writer);
        }

        await console.Error.WriteLineAsync($"Report written to {file.FullName}.");
    }
}
