using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// What a 4xx message adds to the title, status and request id: the problem's <c>detail</c> (the
/// server's explanation of what to change, on one line and at most <see cref="MaxDetailLength"/>
/// characters) and the names of the invalid fields of a <c>validation-error</c> — never their values
/// or messages, and nothing from a 5xx (a server's own text about its failure).
/// </summary>
internal static class ProblemSummary
{
    public const int MaxDetailLength = 300;

    public static void AppendClientErrorDetails(StringBuilder builder, ApiErrorResponse response)
    {
        if (response.StatusCode is < 400 or > 499 || response.Problem is not { } problem)
        {
            return;
        }

        var detail = OneLine(problem.Detail);
        if (detail.Length > 0)
        {
            builder.Append(": ").Append(detail);
            if (detail[detail.Length - 1] is not ('.' or '!' or '?'))
            {
                builder.Append('.');
            }
        }

        if (problem is ValidationProblem { Errors: { Count: > 0 } errors })
        {
            builder.Append(detail.Length > 0 ? " " : ": ")
                .Append("Invalid fields: ")
                .Append(string.Join(", ", errors.Keys.OrderBy(k => k, StringComparer.Ordinal)))
                .Append('.');
        }
    }

    private static string OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var collapsed = string.Join(" ", text!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxDetailLength ? collapsed : collapsed.Remove(MaxDetailLength - 1) + "…";
    }
}
