namespace Dentally.NexGen.Client;

/// <summary>
/// The rule for an organisation or practice id, from options or <see cref="NexGenClient.ForPractice"/>:
/// non-empty, no surrounding white space, printable ASCII only (it goes into a path and a header, and a header carries nothing else).
/// </summary>
internal static class TenantId
{
    /// <summary>What is wrong with <paramref name="value"/>, or <see langword="null"/> when it is a valid id.</summary>
    public static string? Problem(string? value)
        => string.IsNullOrWhiteSpace(value) ? "is required"
            : Validate.HasSurroundingWhiteSpace(value!) || !Validate.IsPrintableAscii(value!) ? "must not have surrounding white space or characters other than printable ASCII"
            : null;

    public static string Check(string? value, string parameterName)
        => Problem(value) is { } problem ? throw new ArgumentException($"{parameterName} {problem}.", parameterName) : value!;
}
