namespace Dentally.NexGen.Client;

/// <summary>422 <c>validation-error</c>: the request's values are invalid. <see cref="Errors"/> maps each field to its messages.</summary>
public class NexGenValidationException : NexGenApiException
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoErrors = new Dictionary<string, IReadOnlyList<string>>();

    internal NexGenValidationException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
        Errors = (response.Problem as ValidationProblem)?.Errors is { } errors
            ? errors.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)(pair.Value?.ToList() ?? new List<string>()), StringComparer.Ordinal)
            : NoErrors;
    }

    /// <summary>Field name (as on the wire, e.g. <c>scheduled_end</c>) to its messages; empty when the server sent none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }
}
