namespace Dentally.NexGen.Client.Testing.Validation;

/// <summary>The validation messages the sandbox uses, in one place so tests and handlers agree.</summary>
internal static class Messages
{
    public const string Required = "is required";
    public const string NotEmpty = "must not be empty";
    public const string MustBeString = "must be a string";
    public const string MustBeUuid = "must be a UUID";
    public const string MustBeDate = "must be a date in the form yyyy-MM-dd";
    public const string EndAfterStart = "must be after scheduled_start";
    public const string LocalTimeFormat = "must be a practice-local date-time in the form yyyy-MM-ddTHH:mm:ss, e.g. 2025-05-20T10:00:00";
    public const string LocalTimeOffset = "must be a practice-local time without an offset or Z, e.g. 2025-05-20T10:00:00";
    public const string LocalTimeInvalid = "is not a valid date and time";

    public static string MaxLength(int length) => $"must be at most {length} characters";

    public static string Unknown(string what) => $"does not match any {what}";
}
