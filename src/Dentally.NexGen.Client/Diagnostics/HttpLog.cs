using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>The HTTP pipeline's log events (<see cref="AttemptTrace"/>): identifiers only, never query strings, headers or bodies.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1, EventName = "NexGenRequestCompleted", Level = LogLevel.Debug,
        Message = "HTTP {Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt}, request id {RequestId}, organisation {OrganizationId}, practice {PracticeId})")]
    public static partial void Completed(ILogger logger, string method, string pathTemplate, int statusCode, long elapsedMilliseconds, int attempt, string? requestId, string? organizationId, string? practiceId);

    [LoggerMessage(EventId = 2, EventName = "NexGenRequestFailed", Level = LogLevel.Debug,
        Message = "HTTP {Method} {PathTemplate} failed after {ElapsedMilliseconds} ms (attempt {Attempt}, organisation {OrganizationId}, practice {PracticeId}): {ErrorType}")]
    public static partial void Failed(ILogger logger, string method, string pathTemplate, long elapsedMilliseconds, int attempt, string errorType, string? organizationId, string? practiceId);
}
