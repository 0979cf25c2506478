namespace Dentally.NexGen.Client;

/// <summary>
/// Reduces a request path to the contract's template for it (<c>/api/v1/{org_id}/patients/{patient_uuid}</c>),
/// one of <see cref="ContractPaths.Templates"/>, so logs and traces carry no identifiers and no query values
/// (a patient search holds a name). The template is matched against the path's last segments, as a gateway's
/// prefix (<c>/nexgen/api/v1/…</c>) may come before the contract's path; a path that matches none is <c>(unknown)</c>.
/// </summary>
internal static class PathTemplate
{
    private const string Unknown = "(unknown)";

    // The longest first, so that a path never gets a template that only matches its end. Built once:
    // every send passes through FromPath, which therefore splits nothing and allocates nothing.
    private static readonly Template[] Templates = ContractPaths.Templates.Select(text => new Template(text)).OrderByDescending(t => t.Segments.Length).ToArray();

    public static string FromPath(string absolutePath)
    {
        foreach (var template in Templates)
        {
            if (template.Matches(absolutePath))
            {
                return template.Text;
            }
        }

        return Unknown;
    }

    private sealed class Template
    {
        public Template(string text)
        {
            Text = text;
            Segments = text.Split('/').Skip(1).Select(segment => segment.Length > 0 && segment[0] == '{' ? null : segment).ToArray();
        }

        /// <summary>The spec's template itself: what <see cref="FromPath"/> returns.</summary>
        public string Text { get; }

        /// <summary>The segments after the leading slash: the literal ones as written, <see langword="null"/> for a placeholder.</summary>
        public string?[] Segments { get; }

        /// <summary>
        /// Whether <paramref name="path"/> ends with this template, compared segment by segment from the end:
        /// a literal segment exactly (case included), a placeholder with any one non-empty segment.
        /// </summary>
        public bool Matches(string path)
        {
            var end = path.Length;
            for (var i = Segments.Length - 1; i >= 0; i--)
            {
                var slash = end == 0 ? -1 : path.LastIndexOf('/', end - 1);
                if (slash < 0)
                {
                    return false;
                }

                var length = end - slash - 1;
                var literal = Segments[i];
                var matches = literal is null
                    ? length > 0
                    : length == literal.Length && string.CompareOrdinal(path, slash + 1, literal, 0, length) == 0;
                if (!matches)
                {
                    return false;
                }

                end = slash;
            }

            return true;
        }
    }
}
