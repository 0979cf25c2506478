namespace Dentally.NexGen.Client.Testing.Http;

/// <summary>
/// Parses a raw query string. Done here rather than with WireMock's parsed query, which splits values
/// on commas (a patient search for "Smith, Jane" must arrive whole).
/// </summary>
internal static class QueryString
{
    public static IReadOnlyDictionary<string, string> Parse(string rawQuery)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            values.TryAdd(name, value);
        }

        return values;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
