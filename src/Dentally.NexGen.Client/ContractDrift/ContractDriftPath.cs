using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// Turns Newtonsoft.Json's reader path (<c>items[3].new_field</c>) into the JSON path the SDK reports
/// (<c>$.items[3].new_field</c>, or <c>$.items[*].new_field</c> when indices are collapsed, so a member
/// new in every item of a page is one path, reported once). Member names come from the server: a path
/// is cut to a bounded length and control characters are replaced, so a hostile name can neither
/// forge log lines nor make them long.
/// </summary>
internal static class ContractDriftPath
{
    private const int MaxLength = 256;

    /// <summary>A member name with one of these is written <c>['name']</c>, as Newtonsoft.Json writes its paths: <c>a.b</c> is then one member, not two.</summary>
    private const string QuotedNameCharacters = ". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029";
#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<char> QuotedName = System.Buffers.SearchValues.Create(QuotedNameCharacters);
#else
    private static readonly char[] QuotedName = QuotedNameCharacters.ToCharArray();
#endif

    public static string Of(string readerPath, bool collapseIndices)
        => Clean(readerPath.Length == 0 || readerPath[0] == '[' ? "$" + readerPath : "$." + readerPath, collapseIndices);

    /// <summary>The same path with every array index as <c>[*]</c>.</summary>
    public static string Collapse(string path) => Clean(path, collapseIndices: true);

    /// <summary>The path of <paramref name="member"/> of the object at <paramref name="objectPath"/> (both as the reader writes them).</summary>
    public static string Member(string objectPath, string member)
        => member.AsSpan().IndexOfAny(QuotedName) >= 0
            ? objectPath + "['" + member.Replace("\\", "\\\\").Replace("'", "\\'") + "']"
            : objectPath.Length == 0 ? member : objectPath + "." + member;

    /// <summary>
    /// <paramref name="readerPath"/> cut after the last segment that is <paramref name="member"/>: an object sent where the
    /// contract has a list is refused once the reader has moved to its first member (<c>items.patients</c>), and the
    /// member of another type is <c>items</c>.
    /// </summary>
    public static string UpTo(string readerPath, string member)
    {
        for (var at = readerPath.LastIndexOf(member, StringComparison.Ordinal); at >= 0; at = at == 0 ? -1 : readerPath.LastIndexOf(member, at - 1, StringComparison.Ordinal))
        {
            var end = at + member.Length;
            if ((at == 0 || readerPath[at - 1] == '.') && (end == readerPath.Length || readerPath[end] is '.' or '['))
            {
                return readerPath.Substring(0, end);
            }
        }

        return readerPath;
    }

    private static string Clean(string path, bool collapseIndices)
    {
        var builder = new StringBuilder(Math.Min(path.Length, MaxLength) + 1);
        for (var i = 0; i < path.Length && builder.Length < MaxLength; i++)
        {
            var c = path[i];
            var end = collapseIndices && c == '[' && i + 1 < path.Length && char.IsDigit(path[i + 1]) ? path.IndexOf(']', i) : -1;
            if (end > 0)
            {
                builder.Append("[*]");
                i = end;
            }
            else
            {
                builder.Append(char.IsControl(c) ? '?' : c);
            }
        }

        if (builder.Length >= MaxLength)
        {
            builder.Length = MaxLength;
            builder.Append('…');
        }

        return builder.ToString();
    }
}
