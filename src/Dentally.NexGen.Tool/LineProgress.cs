namespace Dentally.NexGen.Tool;

/// <summary>Progress as one line a step, written at once (not on a captured context as <see cref="Progress{T}"/> would).</summary>
internal sealed class LineProgress(TextWriter writer) : IProgress<string>
{
    public void Report(string value) => writer.WriteLine(value);
}
