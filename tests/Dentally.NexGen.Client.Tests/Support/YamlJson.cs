using System.Globalization;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// Reads YAML into JSON with the YAML 1.2 core schema: plain scalars become null, booleans and
/// numbers; quoted scalars stay strings. The tests read the spec this way so that an example such
/// as <c>postcode: "94105"</c> stays the string it is on the wire.
/// </summary>
internal static class YamlJson
{
    public static JToken Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(pair => new JProperty(((YamlScalarNode)pair.Key).Value!, Convert(pair.Value)))),
        YamlSequenceNode seq => new JArray(seq.Children.Select(Convert)),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JValue ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(value);
        }

        switch (value)
        {
            case "" or "~" or "null": return JValue.CreateNull();
            case "true": return new JValue(true);
            case "false": return new JValue(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && value.Any(char.IsDigit))
        {
            return new JValue(number);
        }

        return new JValue(value);
    }
}
