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

        // Contract drift is seen through Newtonsoft.Json's own hooks, which cost nothing while a response
        // matches the contract: unknown members through the resolver's extension data setter, a missing
        // or mistyped member through the error handler (ContractResponseReader reports both). A resolver
        // of the caller's own is kept; unknown members are then not reported.
        settings.ContractResolver ??= ContractDriftResolver.Instance;
        settings.Error -= ContractDriftScope.OnError;
        settings.Error += ContractDriftScope.OnError;
        return settings;
    }
}
