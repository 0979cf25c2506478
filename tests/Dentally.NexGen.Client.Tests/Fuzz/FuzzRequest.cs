using System.Text;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>One generated request: what is sent, whether the spec says it is valid, and, if not, how it was broken.</summary>
internal sealed record FuzzRequest(
    SpecOperation Operation,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    string? Mutation)
{
    public bool IsValid => Mutation is null;

    /// <summary>The path and query as sent: both are kept percent-encoded as generated, so an odd byte arrives exactly as meant.</summary>
    public string PathAndQuery => Path + (Query.Count == 0 ? string.Empty : "?" + string.Join("&", Query.Select(p => p.Key + "=" + p.Value)));

    public string? QueryValue(string name) => Query.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>A query parameter or header, as the lists above hold them.</summary>
    public static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    /// <summary>The request as a reader needs it to reproduce a failure: odd characters escaped, the token left out.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(IsValid ? "valid" : "invalid (" + Mutation + ")").Append(": ").Append(Operation.Method).Append(' ').Append(Escape(PathAndQuery));
        foreach (var header in Headers.Where(h => h.Key != "Authorization"))
        {
            text.Append(" | ").Append(header.Key).Append(": ").Append(Escape(header.Value));
        }

        if (Body is not null)
        {
            text.Append(" | body ").Append(Escape(Body));
        }

        return text.ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return escaped.ToString();
    }
}
