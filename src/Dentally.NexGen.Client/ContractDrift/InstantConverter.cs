using System.Globalization;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client;

/// <summary>
/// Reads an instant (<c>format: date-time</c>, such as <c>created_at</c>; <see cref="ContractDriftResolver"/> puts it
/// on each one) only with the UTC offset or <c>Z</c> RFC 3339 requires. Newtonsoft.Json alone reads
/// <c>2025-05-10T14:32:00</c> in the machine's time zone: a server that dropped the <c>Z</c> would move every
/// instant by the machine's offset, silently. Such a value is a <see cref="JsonSerializationException"/>,
/// reported as a contract violation like any member of another format. Writing is Newtonsoft.Json's own. A
/// converter for <see cref="DateTimeOffset"/> in the settings' own <see cref="JsonSerializerSettings.Converters"/>
/// (the sandbox's, an integrator's) reads and writes instead, as it did before this one was put on the members.
/// </summary>
internal sealed class InstantConverter : JsonConverter
{
    // The contract's own form, parsed without the general parser's guessing; anything else RFC 3339 allows falls back to it.
    private const string Rfc3339 = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (Own(serializer) is { CanRead: true } own)
        {
            return own.ReadJson(reader, objectType, existingValue, serializer);
        }

        if (reader.TokenType == JsonToken.Null && objectType == typeof(DateTimeOffset?))
        {
            return null;
        }

        if (reader.TokenType == JsonToken.String && (string?)reader.Value is { } text && HasOffset(text)
            && (DateTimeOffset.TryParseExact(text, Rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)))
        {
            return instant;
        }

        throw new JsonSerializationException($"'{reader.Path}' is not an instant with a UTC offset (RFC 3339 date-time).");
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (Own(serializer) is { CanWrite: true } own)
        {
            own.WriteJson(writer, value, serializer);
        }
        else if (value is DateTimeOffset instant)
        {
            Guard.NotNull(writer, nameof(writer)).WriteValue(instant);
        }
        else
        {
            Guard.NotNull(writer, nameof(writer)).WriteNull();
        }
    }

    /// <summary>A converter for instants among the settings' own, if any (a property's converter would otherwise hide it).</summary>
    private static JsonConverter? Own(JsonSerializer serializer)
    {
        var converters = Guard.NotNull(serializer, nameof(serializer)).Converters;
        for (var i = 0; i < converters.Count; i++)
        {
            if (converters[i].CanConvert(typeof(DateTimeOffset)))
            {
                return converters[i];
            }
        }

        return null;
    }

    /// <summary>Whether the text ends with <c>Z</c> or a <c>±hh:mm</c> offset after its time.</summary>
    private static bool HasOffset(string text)
        => text.Length > 6 && (text[text.Length - 1] is 'Z' or 'z'
            || (text[text.Length - 6] is '+' or '-' && text[text.Length - 3] == ':' && text.IndexOf(':') < text.Length - 6));
}
