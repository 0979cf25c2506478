using System.Globalization;
using Dentally.NexGen.Client.Testing.Scheduling;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Validation;

/// <summary>Reads typed members of a JSON body, adding a field error (and returning <see langword="null"/>) when one is missing or wrong.</summary>
internal static class BodyFields
{
    /// <summary>Whether the member is there with a value other than <c>null</c>.</summary>
    public static bool Present(JObject body, string name)
        => body.TryGetValue(name, StringComparison.Ordinal, out var token) && token.Type != JTokenType.Null;

    public static Guid? Uuid(JObject body, string name, ValidationErrors errors, bool required)
    {
        var text = Raw(body, name, errors, required);
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParseExact(text, "D", out var id))
        {
            return id;
        }

        errors.Add(name, Messages.MustBeUuid);
        return null;
    }

    /// <summary>A string member; a required one must not be blank. An optional one may be empty.</summary>
    public static string? Text(JObject body, string name, ValidationErrors errors, bool required, int maxLength)
    {
        var text = Raw(body, name, errors, required);
        if (text is null)
        {
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(name, Messages.NotEmpty);
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(name, Messages.MaxLength(maxLength));
            return null;
        }

        return text;
    }

    public static DateTime? Date(JObject body, string name, ValidationErrors errors, bool required)
    {
        var text = Raw(body, name, errors, required);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(name, Messages.MustBeDate);
        return null;
    }

    public static DateTime? LocalTime(JObject body, string name, ValidationErrors errors, bool required)
    {
        var text = Raw(body, name, errors, required);
        if (text is null)
        {
            return null;
        }

        if (LocalTimes.TryParse(text, out var value, out var problem))
        {
            return value;
        }

        errors.Add(name, problem);
        return null;
    }

    /// <summary>The member as a string; records "is required" or "must be a string" when it cannot be one.</summary>
    private static string? Raw(JObject body, string name, ValidationErrors errors, bool required)
    {
        if (!body.TryGetValue(name, StringComparison.Ordinal, out var token) || token.Type == JTokenType.Null)
        {
            if (required)
            {
                errors.Add(name, Messages.Required);
            }

            return null;
        }

        if (token.Type != JTokenType.String)
        {
            errors.Add(name, Messages.MustBeString);
            return null;
        }

        return (string)token!;
    }
}
