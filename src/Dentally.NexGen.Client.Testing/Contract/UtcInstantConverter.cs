using System.Globalization;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> as UTC with <c>Z</c> (<c>2025-05-10T14:32:00Z</c>); Newtonsoft's
/// default would write <c>+00:00</c>, which the contract's instants do not use.
/// </summary>
internal sealed class UtcInstantConverter : Newtonsoft.Json.JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset instant)
        {
            writer.WriteValue(Format(instant));
        }
        else
        {
            writer.WriteNull();
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        => reader.TokenType switch
        {
            JsonToken.Null => null,
            JsonToken.Date when reader.Value is DateTimeOffset instant => instant,
            JsonToken.Date when reader.Value is DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            JsonToken.String => DateTimeOffset.Parse((string)reader.Value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new JsonSerializationException($"Expected an instant, got {reader.TokenType}."),
        };

    public static string Format(DateTimeOffset instant)
        => instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
