using System.Globalization;
using System.Net;

namespace Dentally.NexGen.Client;

/// <summary>
/// The API answered with an error status, or with a response the SDK could not read. Carries the
/// status code, the parsed RFC 9457 problem details (when the body had them), the request id and
/// any <c>Retry-After</c>. <see cref="Exception.Message"/> holds the problem's title, status and request
/// id, and for a 4xx its <c>detail</c> and the names of the invalid fields; never the response body or a field's value.
/// </summary>
public class NexGenApiException : Exception
{
    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="response">What was read from the response.</param>
    /// <param name="innerException">The cause, if reading the response failed.</param>
    internal NexGenApiException(ApiErrorResponse response, Exception? innerException = null)
        : base(BuildMessage(response ?? throw new ArgumentNullException(nameof(response)), null), innerException)
    {
        StatusCode = response.StatusCode;
        Problem = response.Problem;
        RequestId = response.RequestId;
        RetryAfter = response.RetryAfter;
    }

    /// <summary>
    /// Called by the generated code when a success response cannot be read (for example a body
    /// that is not the documented JSON). The body is deliberately not kept: it may hold patient data.
    /// </summary>
    internal NexGenApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(ApiErrorResponse.FromGenerated(statusCode, headers), message, innerException)
    {
    }

    internal NexGenApiException(ApiErrorResponse response, string reason, Exception? innerException)
        : base(BuildMessage(response, reason), innerException)
    {
        StatusCode = response.StatusCode;
        Problem = response.Problem;
        RequestId = response.RequestId;
        RetryAfter = response.RetryAfter;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The problem details the server sent, or <see langword="null"/> when the body was not problem JSON.</summary>
    public Problem? Problem { get; }

    /// <summary>
    /// The problem type URI exactly as the server sent it (for example
    /// <c>https://docs.api.dentally.com/problems/slot-conflict</c>), when known. A string, like the
    /// <see cref="ProblemTypes"/> constants, so that <c>ProblemType == ProblemTypes.SlotConflict</c> and
    /// <c>case ProblemTypes.SlotConflict:</c> work; a type this version does not know passes through unchanged.
    /// </summary>
    public string? ProblemType => Problem?.Type?.OriginalString;

    /// <summary>The request id from the <c>X-Request-Id</c> header, or else from the body's <c>request_id</c>.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string BuildMessage(ApiErrorResponse response, string? reason)
    {
        var builder = new System.Text.StringBuilder();
        // The server's title and request id on one line and bounded: a hostile or broken server must not
        // forge log lines or put megabytes into every log entry that quotes the message.
        var title = ProblemSummary.OneLine(response.Problem?.Title, ProblemSummary.MaxTitleLength);
        var hasTitle = title.Length > 0;
        if (!hasTitle)
        {
            title = reason ?? DefaultTitle(response.StatusCode);
        }

        builder.Append(title.Trim());
        builder.Append(response.StatusCode > 0 ? " (HTTP " + response.StatusCode.ToString(CultureInfo.InvariantCulture) : " (no response");
        if (!string.IsNullOrWhiteSpace(response.RequestId))
        {
            builder.Append(", request id ").Append(ProblemSummary.RequestIdText(response.RequestId));
        }

        builder.Append(')');
        if (reason is not null && hasTitle)
        {
            builder.Append(": ").Append(reason);
        }

        ProblemSummary.AppendClientErrorDetails(builder, response);
        return builder.ToString();
    }

    private static string DefaultTitle(int statusCode)
        => Enum.IsDefined(typeof(HttpStatusCode), statusCode)
            ? "The API returned " + ((HttpStatusCode)statusCode).ToString()
            : "The API returned an error";
}
