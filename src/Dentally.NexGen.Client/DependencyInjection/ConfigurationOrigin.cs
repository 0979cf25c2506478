using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Dentally.NexGen.Client;

/// <summary>
/// Where a client's options were bound from: a configuration section, whose path is known. An options
/// failure then names the keys to set — <c>NexGen:BaseAddress</c> in appsettings.json, the environment
/// variable <c>NexGen__BaseAddress</c> — as well as the property, since an app configured that way never
/// wrote <c>NexGenClientOptions</c> anywhere.
/// </summary>
internal sealed class ConfigurationOrigin
{
    // The option a failure is about: the first NexGenClientOptions.X (or .Retry.X) it names.
    private static readonly Regex OptionNamed = new(@"NexGenClientOptions\.((?:Retry\.)?[A-Za-z]+)", RegexOptions.CultureInvariant);

    // Objects (a provider, a clock) cannot come from configuration: their failures name no key.
    private static readonly HashSet<string> NotBindable = new(StringComparer.Ordinal) { "TokenProvider", "TimeProvider", "Retry" };

    // The TimeSpan options: configuration binds a bare "10" as 10 days, which a reader of "must be at most 24 hours" cannot guess.
    private static readonly HashSet<string> TimeSpans = new(StringComparer.Ordinal)
    {
        nameof(NexGenClientOptions.AttemptTimeout),
        nameof(NexGenClientOptions.OverallTimeout),
        nameof(NexGenClientOptions.AppointmentTypeCacheDuration),
        "Retry." + nameof(NexGenRetryOptions.BaseDelay),
        "Retry." + nameof(NexGenRetryOptions.MaxDelay),
        "Retry." + nameof(NexGenRetryOptions.IdempotencyKeyInUseDelay),
    };

    private readonly IConfiguration _configuration;
    private readonly string _path;

    public ConfigurationOrigin(string optionsName, IConfiguration configuration)
    {
        OptionsName = optionsName;
        _configuration = configuration;
        _path = (configuration as IConfigurationSection)?.Path ?? string.Empty;
    }

    /// <summary>The options name (the client's name, or the default) these options were bound for.</summary>
    public string OptionsName { get; }

    /// <summary>The failures, each naming the configuration key and environment variable of its option; a missing section is said first.</summary>
    public IEnumerable<string> Explain(IEnumerable<string> failures)
    {
        if (_configuration is IConfigurationSection section && !section.Exists())
        {
            yield return $"The configuration has no section '{_path}' (appsettings.json, or environment variables such as {Variable("BaseAddress")}).";
        }
        else if (_configuration is not IConfigurationSection && _configuration["BaseAddress"] is null && SectionHoldingOptions() is not null)
        {
            // AddNexGenClient(builder.Configuration): the keys below would be read at the top level, not under "NexGen".
            yield return $"AddNexGenClient was given the whole configuration, not a section: pass configuration.GetSection(\"{SectionHoldingOptions()}\").";
        }

        if (_configuration is IConfigurationSection && UnknownKeys() is { Count: > 0 } unknown)
        {
            // BaseUrl for BaseAddress, ApiKey for Token: the binder ignores them, and the option meant reads as missing.
            yield return $"The section '{_path}' has keys that are no NexGenClientOptions property and are ignored: {string.Join(", ", unknown)}.";
        }

        foreach (var failure in failures)
        {
            var option = OptionNamed.Match(failure);
            yield return option.Success && !NotBindable.Contains(option.Groups[1].Value)
                ? $"{failure} Configuration key {Key(option.Groups[1].Value)} (environment variable {Variable(option.Groups[1].Value)}).{TimeSpanHint(option.Groups[1].Value)}"
                : failure;
        }
    }

    // A key with keys under it is a section of its own (a named client's, "NexGen:North"), not a misspelt option.
    private List<string> UnknownKeys()
        => _configuration.GetChildren().Where(child => !child.GetChildren().Any()).Select(child => child.Key)
            .Where(key => typeof(NexGenClientOptions).GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null)
            .ToList();

    // The child section that looks like the client's options (it holds BaseAddress or Token), if any.
    private string? SectionHoldingOptions()
        => _configuration.GetChildren().FirstOrDefault(child => child["BaseAddress"] is not null || child["Token"] is not null)?.Path;

    private string TimeSpanHint(string property)
        => TimeSpans.Contains(property) && _configuration[property.Replace('.', ':')] is { Length: > 0 } value && value.All(char.IsDigit)
            ? $" A time in configuration is a TimeSpan written hh:mm:ss ('00:00:30' is 30 seconds): '{value}' is {value} days."
            : string.Empty;

    private string Key(string property)
        => (_path.Length == 0 ? string.Empty : _path + ":") + property.Replace('.', ':');

    // Environment variables cannot hold ':' on every platform; .NET reads '__' as the separator.
    private string Variable(string property) => Key(property).Replace(":", "__");
}
