using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// Reads and writes a practice-local time (<c>format: date-time-local</c>; CodeGeneration/Class.liquid puts it
/// on each such member) as exactly <c>yyyy-MM-ddTHH:mm:ss</c>: a <see cref="DateTime"/> of kind
/// <see cref="DateTimeKind.Unspecified"/> on the .NET side, never shifted by the machine's zone or culture.
/// A value in another format is a <see cref="JsonSerializationException"/>, which the generated code
/// reports as a typed invalid-response exception, like any other body it cannot read. Writing a Local or
/// UTC value, or one with fractions of a second, throws the <see cref="ArgumentException"/> of
/// <see cref="PracticeLocalTime.Check"/>.
/// </summary>
internal sealed class PracticeLocalTimeConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(DateTime) || objectType == typeof(DateTime?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null && objectType == typeof(DateTime?))
        {
            return null;
        }

        if (reader.TokenType == JsonToken.String && PracticeLocalTime.TryFromWire((string?)reader.Value, out var time))
        {
            return time;
        }

        throw new JsonSerializationException($"'{reader.Path}' is not a practice-local time in yyyy-MM-ddTHH:mm:ss format.");
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTime time)
        {
            // The path (a string built on each call) is only worked out to name a value that is refused.
            writer.WriteValue(PracticeLocalTime.ToWire(PracticeLocalTime.IsValid(time) ? time : PracticeLocalTime.Check(time, writer.Path)));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
