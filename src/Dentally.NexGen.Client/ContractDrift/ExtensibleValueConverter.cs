using Newtonsoft.Json;

namespace Dentally.NexGen.Client;

/// <summary>
/// Reads a member whose known values the contract lists under <c>x-extensible-enum</c> (CodeGeneration/Class.liquid
/// puts it on each one, with the values). The value reaches the caller unchanged, whatever it is; one the
/// contract does not list is recorded as drift (<see cref="ContractDriftScope"/>). The contract's lists are a few
/// short values, so a linear search is the cheapest check.
/// </summary>
internal sealed class ExtensibleValueConverter : JsonConverter
{
    private readonly string[] _known;

    /// <summary>Creates the converter.</summary>
    /// <param name="knownValues">The contract's values, separated by commas.</param>
    public ExtensibleValueConverter(string knownValues)
    {
        _known = Guard.NotNull(knownValues, nameof(knownValues)).Split(',');
    }

    public override bool CanConvert(Type objectType) => objectType == typeof(string);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.String)
        {
            // Not a string at all: a changed type, reported by the reader as a contract violation.
            throw new JsonSerializationException($"'{reader.Path}' is not a string.");
        }

        var value = (string)reader.Value!;
        if (Array.IndexOf(_known, value) < 0)
        {
            ContractDriftScope.Of(Guard.NotNull(serializer, nameof(serializer)).Context)?.Record(ContractDriftKinds.NewEnumValue);
        }

        return value;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.WriteValue((string?)value);
    }
}
