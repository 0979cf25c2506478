using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>
/// The contract's problem types, read from the spec's examples: the title of each (status, type), and
/// the one type a status stands for where the spec's responses give it exactly one (a 409 can be three
/// different conflicts, so it stands for none).
/// </summary>
internal sealed class ProblemCatalog
{
    private const string ProblemMediaType = "application/problem+json";

    private readonly Dictionary<(int Status, string Type), string> _titles;
    private readonly Dictionary<int, string> _typeOfStatus;

    private ProblemCatalog(Dictionary<(int, string), string> titles, Dictionary<int, string> typeOfStatus)
    {
        _titles = titles;
        _typeOfStatus = typeOfStatus;
    }

    /// <summary>The type (<c>not-found</c>) a status stands for, or <see langword="null"/> when the spec gives it none or several.</summary>
    public string? TypeOf(int status) => _typeOfStatus.GetValueOrDefault(status);

    /// <summary>The spec's title for a problem type at a status.</summary>
    public string TitleOf(int status, string type)
        => _titles.TryGetValue((status, type), out var title)
            ? title
            : throw new InvalidOperationException($"The contract (openapi.yaml) has no example of a {status} {type} problem.");

    public static ProblemCatalog From(SandboxContract contract)
    {
        var components = contract.Root["components"]!;
        var titles = new Dictionary<(int, string), string>();
        foreach (var example in ((JObject)components["examples"]!).Properties().Select(p => Problem(p.Value)).OfType<(int Status, string Type, string Title)>())
        {
            titles.TryAdd((example.Status, example.Type), example.Title);
        }

        // A response with a single example names the problem its status stands for.
        var single = ((JObject)components["responses"]!).Properties()
            .Select(r => r.Value["content"]?[ProblemMediaType]?["examples"] is JObject { Count: 1 } examples ? Problem(contract.Resolve(examples.Properties().Single().Value)) : null)
            .OfType<(int Status, string Type, string Title)>()
            .GroupBy(p => p.Status)
            .Where(g => g.Select(p => p.Type).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Type);
        return new ProblemCatalog(titles, single);
    }

    private static (int Status, string Type, string Title)? Problem(JToken example)
    {
        var value = example["value"];
        return value?["type"]?.ToString() is { } type && type.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal)
                && int.TryParse(value["status"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var status) && value["title"]?.ToString() is { } title
            ? (status, type[ProblemTypes.Prefix.Length..], title)
            : null;
    }
}
