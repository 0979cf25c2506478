namespace Dentally.NexGen.Tool;

/// <summary>How a report is written: <c>text</c> for people, <c>json</c> for machines.</summary>
internal static class ReportFormat
{
    public const string Text = "text";
    public const string Json = "json";
}
