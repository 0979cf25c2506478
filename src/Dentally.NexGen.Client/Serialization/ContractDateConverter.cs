using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// Reads and writes a <c>format: date</c> member as <c>yyyy-MM-dd</c> (CodeGeneration/Class.liquid puts it
/// on each one). A value in another format is a <see cref="JsonSerializationException"/>, which the
/// generated code reports as a typed exception, rather than the <see cref="FormatException"/> that
/// <see cref="IsoDateTimeConverter"/> throws.
/// </summary>
internal sealed class ContractDateConverter : IsoDateTimeConverter
{
    public ContractDateConverter()
    {
        DateTimeFormat = "yyyy-MM-dd";
        // The default, the current culture, brings its calendar: th-TH wrote 2529-04-12, fa-IR read a Persian year.
        Culture = CultureInfo.InvariantCulture;
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        try
        {
            return base.ReadJson(reader, objectType, existingValue, serializer);
        }
        catch (FormatException)
        {
            // Not kept as the inner exception: its message quotes the value, a date of birth.
            throw new JsonSerializationException($"'{reader.Path}' is not a date in yyyy-MM-dd format.");
        }
    }
}
