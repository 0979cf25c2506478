using System.Text;
using System.Text.RegularExpressions;

namespace Dentally.NexGen.Client.Testing.Faults;

/// <summary>
/// Turns the path template of an injected fault such as <c>/api/v1/{org_id}/appointments/{appointment_uuid}</c> into an
/// anchored regular expression: <c>{name}</c> matches one segment (captured when the name is a plain
/// identifier), <c>*</c> matches anything, and one trailing slash is tolerated.
/// </summary>
internal static class FaultPath
{
    private static readonly Regex Placeholder = new(@"\{([^{}/]*)\}|\*", RegexOptions.CultureInvariant);
    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public static string ToPattern(string template)
    {
        var pattern = new StringBuilder("^");
        var position = 0;
        foreach (Match match in Placeholder.Matches(template))
        {
            pattern.Append(Regex.Escape(template.Substring(position, match.Index - position)));
            if (match.Value == "*")
            {
                pattern.Append(".*");
            }
            else
            {
                var name = match.Groups[1].Value;
                pattern.Append(Identifier.IsMatch(name) ? $"(?<{name}>[^/]+)" : "[^/]+");
            }

            position = match.Index + match.Length;
        }

        pattern.Append(Regex.Escape(template.Substring(position).TrimEnd('/')));
        return pattern.Append("/?$").ToString();
    }

    public static Regex Compile(string template)
        => new(ToPattern(template), RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
