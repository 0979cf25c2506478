using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// The Newtonsoft.Json settings every generated client uses (wired in through
/// <c>jsonSerializerSettingsTransformationMethod</c> in <c>nswag.json</c>).
/// </summary>
public static class NexGenJsonSettings
{
    /// <summary>
    /// The serializer the generated clients read responses with: built once from the same settings,
    /// never changed afterwards, so it is safe to share between threads.
    /// </summary>
    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(Apply(new JsonSerializerSettings()));

    /// <summary>
    /// Writes a request body with <see cref="Serializer"/>. <c>JsonConvert.SerializeObject</c> would build
    /// a serializer for every call, and would let the application's <c>JsonConvert.DefaultSettings</c>
    /// change what the SDK sends.
    /// </summary>
    internal static string Serialize(object value)
    {
        var text = new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Serializer.Formatting, ArrayPool = JsonCharPool.Instance })
        {
            Serializer.Serialize(writer, value);
        }

        return text.ToString();
    }

    /// <summary>Reads a response body with <see cref="Serializer"/>, its buffers rented from the pool.</summary>
    internal static T? Deserialize<T>(TextReader body)
    {
        using var reader = CreateReader(body);
        return Serializer.Deserialize<T>(reader);
    }

    /// <summary>
    /// Whether <paramref name="exception"/>, thrown while reading a body, means the body could not be read
    /// as the documented type: Newtonsoft.Json's own errors, and a member converter's
    /// <see cref="FormatException"/> (DateFormatConverter, for <c>format: date</c>).
    /// </summary>
    internal static bool IsReadFailure(Exception exception) => exception is JsonException or FormatException;

#if NET5_0_OR_GREATER
    /// <summary>Reads a UTF-8 body held in memory with <see cref="Serializer"/>.</summary>
    internal static T? Deserialize<T>(ReadOnlySpan<byte> utf8)
    {
        using var body = CharArrayReader.Decode(utf8);
        return Deserialize<T>(body);
    }

    /// <summary>
    /// Reads a UTF-8 body as <typeparamref name="T"/> when it is exactly one JSON value of that type:
    /// false, with nothing thrown, for an empty body, a <c>null</c>, anything after the value, or any
    /// error reading it (a converter's own exception included).
    /// </summary>
    internal static bool TryDeserializeWhole<T>(ReadOnlySpan<byte> utf8, out T? value)
    {
        value = default;
        if (utf8.IndexOf((byte)0) >= 0)
        {
            // Newtonsoft.Json takes a NUL for the end of the input, so it would never see what follows;
            // JSON never holds a raw one.
            return false;
        }

        using var body = CharArrayReader.Decode(utf8);
        try
        {
            using var reader = CreateReader(body);
            var read = Serializer.Deserialize<T>(reader);
            // What JsonSerializerSettings.CheckAdditionalContent does, for this read only.
            if (read is null || reader.Read())
            {
                return false;
            }

            value = read;
            return true;
        }
#pragma warning disable CA1031 // Whatever went wrong, the generated code reads the body again and reports it as it always has.
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }
#endif

    private static JsonTextReader CreateReader(TextReader body) => new(body) { ArrayPool = JsonCharPool.Instance, CloseInput = false };

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
        return settings;
    }
}
