using Dentally.NexGen.Client.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>
/// JSON for the sandbox: the SDK's own settings (so responses have exactly the generated models'
/// shape) plus instants written as UTC with <c>Z</c>, as the contract requires.
/// </summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerSettings Settings = CreateSettings();

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>A deep copy of a model, so callers and the state never share mutable objects.</summary>
    public static T Copy<T>(T value)
        where T : class
        => JsonConvert.DeserializeObject<T>(Serialize(value), Settings)!;

    /// <summary>Parses request JSON without turning date-like strings into dates; <see langword="null"/> when it is not JSON.</summary>
    public static JToken? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    return null;
                }
            }

            return token;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static JsonSerializerSettings CreateSettings()
    {
        var settings = NexGenJsonSettings.Apply(new JsonSerializerSettings());
        settings.Formatting = Formatting.None;
        settings.Converters.Add(new UtcInstantConverter());
        return settings;
    }
}
