using System.Globalization;
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

    /// <summary>The most of a problem's <c>title</c> that a message repeats (a title is a short summary; a longer one is not the server's summary).</summary>
    public const int MaxTitleLength = 160;

    /// <summary>The most of a request id that a message repeats (the property keeps it whole).</summary>
    public const int MaxRequestIdLength = 128;

    /// <summary>The most invalid fields a message names; the others are counted (<see cref="NexGenValidationException.Errors"/> has them all).</summary>
    public const int MaxFieldsNamed = 25;

    /// <summary>The most of one field name that a message repeats.</summary>
    public const int MaxFieldNameLength = 128;

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
                .Append(string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Take(MaxFieldsNamed)
                    .Select(e => OneLine(e.Key, MaxFieldNameLength) + WhatIsWrongWithReference(e.Key, e.Value))));
            if (errors.Count > MaxFieldsNamed)
            {
                builder.Append(" and ").Append((errors.Count - MaxFieldsNamed).ToString(CultureInfo.InvariantCulture)).Append(" more");
            }

            builder.Append('.');
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

    /// <summary>A request id as a message quotes it: on one line, bounded, <c>none</c> when there is none.</summary>
    public static string RequestIdText(string? requestId)
        => OneLine(requestId, MaxRequestIdLength) is { Length: > 0 } text ? text : "none";

    /// <summary>
    /// <paramref name="text"/> on one line, cut to <paramref name="maxLength"/> characters: a server's text in a message
    /// can neither forge or garble log lines nor grow without bound. Every character that is not text — white space and
    /// line breaks, control characters (<c>\0</c>, the escape of a terminal sequence), format characters (a bidi override
    /// that reverses what follows, a zero-width space) and the line and paragraph separators — becomes a space, and runs
    /// of them one; a lone surrogate becomes U+FFFD, and the cut never parts the two halves of a surrogate pair.
    /// </summary>
    public static string OneLine(string? text, int maxLength = MaxDetailLength)
    {
        if (text is null || text.Length == 0)
        {
            return string.Empty;
        }

        var line = new StringBuilder(Math.Min(text.Length, maxLength + 2));
        var space = false;
        for (var i = 0; i < text.Length && line.Length <= maxLength; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair ? IsNotText(text, i) : IsNotText(c))
            {
                space = line.Length > 0;
                i += pair ? 1 : 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            if (pair)
            {
                line.Append(c).Append(text[++i]);
            }
            else
            {
                line.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        if (line.Length <= maxLength)
        {
            return line.ToString();
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line.ToString(0, cut) + "…";
    }

    private static bool IsNotText(char c)
        => char.IsWhiteSpace(c) || char.IsControl(c)
            || (c > '\u007F' && IsNotText(CharUnicodeInfo.GetUnicodeCategory(c)));

    /// <summary>A character outside the Basic Multilingual Plane, the surrogate pair at <paramref name="index"/>: the tag characters that hide text are format characters.</summary>
    private static bool IsNotText(string text, int index) => IsNotText(CharUnicodeInfo.GetUnicodeCategory(text, index));

    private static bool IsNotText(UnicodeCategory category) => category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
