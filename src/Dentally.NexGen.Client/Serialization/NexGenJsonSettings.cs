using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// The Newtonsoft.Json settings every generated client uses (wired in through
/// <c>jsonSerializerSettingsTransformationMethod</c> in <c>nswag.json</c>).
/// </summary>
public static class NexGenJsonSettings
{
    /// <summary>A serializer with these settings, for the SDK's own reads (problem bodies); never changed, so shared between threads.</summary>
    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(Apply(new JsonSerializerSettings()));

    /// <summary>Applies the SDK's serializer settings to <paramref name="settings"/> and returns it.</summary>
    /// <param name="settings">The settings to change.</param>
    /// <returns>The same instance, for chaining.</returns>
    public static JsonSerializerSettings Apply(JsonSerializerSettings settings)
    {
        Guard.NotNull(settings, nameof(settings));

        // Practice-local times ("2025-05-20T10:00:00") must reach the caller exactly as sent. With
        // Newtonsoft's default DateParseHandling, date-like strings inside untyped members (problem
        // extension members, unknown fields) are turned into DateTime values and re-rendered in the
        // machine's culture and time zone. Typed date members still parse through their converters.
        settings.DateParseHandling = DateParseHandling.None;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        settings.TypeNameHandling = TypeNameHandling.None;
        ContractDriftResolver.Watch(settings);
        return settings;
    }
}
