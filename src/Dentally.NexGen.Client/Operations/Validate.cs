namespace Dentally.NexGen.Client;

/// <summary>Argument checks run before any request is sent; the contract's bounds come from <see cref="ContractNumbers"/>.</summary>
internal static class Validate
{
    /// <summary>The largest page the contract serves (<c>page_size</c>'s maximum), also the page a walk through every item asks for.</summary>
    public const int MaxPageSize = ContractNumbers.PageSizeMaximum;

    /// <summary>The longest window <c>getAvailability</c> serves, in days (its <c>x-maximum-window-days</c>).</summary>
    public const int MaxAvailabilityDays = ContractNumbers.GetAvailabilityMaximumWindowDays;

    public static Guid Id(Guid value, string parameterName)
        => value == Guid.Empty ? throw new ArgumentException($"{parameterName} must not be empty (Guid.Empty).", parameterName) : value;

    public static Guid? OptionalId(Guid? value, string parameterName)
        => value is { } id ? Id(id, parameterName) : null;

    public static int? Page(int? page, string parameterName = "page")
        => page is < ContractNumbers.PageMinimum
            ? throw new ArgumentOutOfRangeException(parameterName, page, $"{parameterName} must be {ContractNumbers.PageMinimum} or more.")
            : page;

    public static int? PageSize(int? pageSize, string parameterName = "pageSize")
        => pageSize is < ContractNumbers.PageSizeMinimum or > MaxPageSize
            ? throw new ArgumentOutOfRangeException(parameterName, pageSize, $"{parameterName} must be between {ContractNumbers.PageSizeMinimum} and {MaxPageSize}.")
            : pageSize;

    public static string Text(string? value, string parameterName)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{parameterName} must not be empty.", parameterName) : value!;

    // Printable ASCII only: an HTTP header carries nothing else, and a key with an 'é' would fail at the send, after the token fetch.
    public static string? IdempotencyKey(string? key, string parameterName = "idempotencyKey")
        => key is not null && (key.Length is < ContractNumbers.IdempotencyKeyMinLength or > ContractNumbers.IdempotencyKeyMaxLength || !IsPrintableAscii(key) || HasSurroundingWhiteSpace(key))
            ? throw new ArgumentException($"{parameterName} must be {ContractNumbers.IdempotencyKeyMinLength} to {ContractNumbers.IdempotencyKeyMaxLength} printable ASCII characters without surrounding white space.", parameterName)
            : key;

    /// <summary>
    /// <paramref name="value"/>, unless it was never set: a required practice-local time left at
    /// <c>default</c> (0001-01-01T00:00:00) is a forgotten member, not a time to book.
    /// </summary>
    public static DateTime Required(DateTime value, string parameterName)
        => value == default ? throw new ArgumentException($"{parameterName} is required: it was never set (0001-01-01T00:00:00).", parameterName) : value;

    /// <summary><paramref name="text"/>, unless it is longer than the contract's <paramref name="maxLength"/> for it.</summary>
    public static string? MaxLength(string? text, int maxLength, string parameterName)
        => text is not null && text.Length > maxLength ? throw new ArgumentException(TooLong(parameterName, maxLength), parameterName) : text;

    public static string TooLong(string parameterName, int maxLength) => $"{parameterName} must be at most {maxLength} characters.";

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
    public static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
