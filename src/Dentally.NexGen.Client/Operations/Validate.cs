namespace Dentally.NexGen.Client;

/// <summary>Argument checks run before any request is sent.</summary>
internal static class Validate
{
    public const int MaxPageSize = 100;
    public const int MaxAvailabilityDays = 31;

    public static Guid Id(Guid value, string parameterName)
        => value == Guid.Empty ? throw new ArgumentException($"{parameterName} must not be empty (Guid.Empty).", parameterName) : value;

    public static Guid? OptionalId(Guid? value, string parameterName)
        => value is { } id ? Id(id, parameterName) : null;

    public static int? Page(int? page, string parameterName = "page")
        => page is < 1 ? throw new ArgumentOutOfRangeException(parameterName, page, $"{parameterName} must be 1 or more.") : page;

    public static int? PageSize(int? pageSize, string parameterName = "pageSize")
        => pageSize is < 1 or > MaxPageSize
            ? throw new ArgumentOutOfRangeException(parameterName, pageSize, $"{parameterName} must be between 1 and {MaxPageSize}.")
            : pageSize;

    public static string Text(string? value, string parameterName)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{parameterName} must not be empty.", parameterName) : value!;

    public static string? IdempotencyKey(string? key, string parameterName = "idempotencyKey")
        => key is not null && (key.Length is < 1 or > 255 || HasControl(key) || HasSurroundingWhiteSpace(key))
            ? throw new ArgumentException($"{parameterName} must be 1 to 255 printable characters without surrounding white space.", parameterName)
            : key;

    public static (DateTime From, DateTime To) Window(DateTime from, DateTime to, string fromName, string toName, int? maxDays)
    {
        PracticeLocalTime.Check(from, fromName);
        PracticeLocalTime.Check(to, toName);
        EndAfterStart(to > from, fromName, toName);

        if (maxDays is { } days && to - from > TimeSpan.FromDays(days))
        {
            throw new ArgumentException($"{toName} must be at most {days} days after {fromName}.", toName);
        }

        return (from, to);
    }

    public static void EndAfterStart(bool endIsAfterStart, string startName, string endName)
    {
        if (!endIsAfterStart)
        {
            throw new ArgumentException($"{endName} must be after {startName}.", endName);
        }
    }

    /// <summary>Whether a non-empty <paramref name="text"/> starts or ends with white space.</summary>
    public static bool HasSurroundingWhiteSpace(string text) => char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]);

    // A loop, not LINQ: every POST, and every ForPractice scope, passes here.
    public static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
