using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// What a 4xx message adds to the title, status and request id: the problem's <c>detail</c> (the
/// server's explanation of what to change, on one line and at most <see cref="MaxDetailLength"/>
/// characters) and the names of the invalid fields of a <c>validation-error</c>, with the server's words
/// only for a field that refers to another record by id — never a field's value or another field's
/// message, and nothing from a 5xx (a server's own text about its failure).
/// </summary>
internal static class ProblemSummary
{
    public const int MaxDetailLength = 300;

    /// <summary>The most of one server message about a reference field that a message repeats.</summary>
    public const int MaxReferenceMessageLength = 100;

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
                .Append(string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + WhatIsWrongWithReference(e.Key, e.Value))))
                .Append('.');
        }
    }

    /// <summary>
    /// For a field that refers to another record (<c>location_uuid</c>, <c>provider_uuid</c>…), the server's
    /// own words, in parentheses: they say whether the record does not exist or cannot be used
    /// (<c>location_uuid (does not match any site)</c>), which the field's name alone cannot. They are
    /// about an id, never a person's data; other fields' messages may quote what was sent, and stay out.
    /// </summary>
    private static string WhatIsWrongWithReference(string field, IEnumerable<string>? messages)
    {
        if (!field.EndsWith("_uuid", StringComparison.Ordinal) || messages is null)
        {
            return string.Empty;
        }

        var said = string.Join("; ", messages.Select(m => OneLine(m, MaxReferenceMessageLength)).Where(m => m.Length > 0));
        return said.Length == 0 ? string.Empty : " (" + said + ")";
    }

    private static string OneLine(string? text, int maxLength = MaxDetailLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var collapsed = string.Join(" ", text!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= maxLength ? collapsed : collapsed.Remove(maxLength - 1) + "…";
    }
}
