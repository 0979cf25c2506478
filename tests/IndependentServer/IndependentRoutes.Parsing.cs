using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dentally.NexGen.Independent;

/// <summary>Reading a request's ids, numbers, local times and JSON bodies.</summary>
internal sealed partial class IndependentRoutes
{
    private static T? Find<T>(string id, Func<Guid, T?> lookup, Func<T, bool> visible)
        where T : class
        => Guid.TryParse(id, out var uuid) && lookup(uuid) is { } found && visible(found) ? found : null;

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Guid? Id(JsonObject json, string name) => Guid.TryParse(Text(json, name), out var id) ? id : null;

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTime? LocalTime(string? text)
        => text is not null && LocalPattern().IsMatch(text) && DateTime.TryParseExact(text, IndependentJson.LocalTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPattern();
}
