using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>Parses JSON leaving every string a string (Newtonsoft would turn "2025-05-20T10:00:00" into a DateTime).</summary>
internal static class Json
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
