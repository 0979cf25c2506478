namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>JSON paths as a report writes them: <c>$</c> for the body, <c>$.items[0].name</c> below it.</summary>
internal static class JsonPathText
{
    /// <summary>NJsonSchema's <c>#/items[0].name</c> (or a token path <c>items[0].name</c>) as <c>$.items[0].name</c>.</summary>
    public static string FromValidationPath(string? path)
    {
        var inner = (path ?? string.Empty).TrimStart('#').TrimStart('/');
        return inner.Length == 0 ? "$" : inner[0] == '[' ? "$" + inner : "$." + inner;
    }
}
