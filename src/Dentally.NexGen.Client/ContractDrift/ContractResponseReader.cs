using System.Net.Http;
using System.Text;
using Dentally.NexGen.Client.Serialization;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client;

/// <summary>
/// Reads a success body into its model for the generated clients (CodeGeneration/Client.Class.ReadObjectResponse.liquid)
/// and reports how it differs from the contract: members and values the contract does not know, and values
/// of another type that convert without loss (<see cref="ContractJsonReader"/>), go to the pipeline's
/// <see cref="ContractDriftReporter"/> (the caller gets the model, as before); a required
/// member missing, or a member of another type, is a <see cref="NexGenContractViolationException"/>
/// naming the operation, the JSON path and the request id. A body that matches costs what it cost
/// before, the hooks only running on a difference, but for a patient search's, whose patients are checked
/// against its query (<see cref="IgnoredQuery"/>).
/// </summary>
internal static class ContractResponseReader
{
    private const int MinReadBuffer = 128;
    private const int DefaultReadBuffer = 1024;

    /// <summary>
    /// The generated clients' <c>ReadObjectResponseAsync</c>: the model, and the body's text when <paramref name="keepText"/>
    /// (<c>ReadResponseAsString</c>). A <see cref="ValueTask{TResult}"/>: the pipeline's bodies are in memory, so
    /// it completes at once and allocates no task.
    /// </summary>
    public static async ValueTask<(T? Body, string Text)> ReadAsync<T>(HttpResponseMessage? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, JsonSerializerSettings settings, bool keepText, CancellationToken cancellationToken)
    {
        if (response?.Content is not { } content)
        {
            return (default, string.Empty);
        }

        if (keepText)
        {
            var text = await ResponseText.ReadAsync(content, cancellationToken).ConfigureAwait(false);
            using var reader = new StringReader(text);
            return (Read<T>(reader, response, headers, settings), text);
        }

#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using var streamReader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, ReadBufferSize(stream));
        return (Read<T>(streamReader, response, headers, settings), string.Empty);
    }

    /// <summary>
    /// The reader's own buffers (bytes, and characters twice that) need be no larger than a body
    /// already in memory, up to the size <see cref="StreamReader"/> picks by default.
    /// </summary>
    private static int ReadBufferSize(Stream stream) => stream.CanSeek ? (int)Math.Max(MinReadBuffer, Math.Min(stream.Length, DefaultReadBuffer)) : DefaultReadBuffer;

    private static T? Read<T>(TextReader text, HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, JsonSerializerSettings settings)
    {
        var (operation, reporter) = ContractOperation.Of(response.RequestMessage);
        using var json = new ContractJsonReader(text) { ArrayPool = JsonCharBuffers.Shared };
        var (serializer, scope) = ContractDriftScope.Begin(settings, json);
        json.Scope = scope;
        T? body;
        try
        {
            body = serializer.Deserialize<T>(json);
        }
        catch (JsonException exception)
        {
            throw Failure(typeof(T), exception, scope, operation, reporter, response, headers);
        }

        if (body is null && reporter is not null && response.IsSuccessStatusCode)
        {
            // The JSON literal null, where every success body of the contract is an object. An error body read
            // here (a problem) stays its status's exception; without the SDK's pipeline the body was not checked.
            throw Violation(new ContractDriftFinding(ContractDriftKinds.TypeChanged, "$"), scope, operation, reporter, response, headers);
        }

        ReportFindings(scope, operation, reporter, response);
        IgnoredQuery.Check(body, response, operation, reporter, headers);
        return body;
    }

    /// <summary>Reports what the read found and read past: members and values the contract does not know, values converted.</summary>
    private static void ReportFindings(ContractDriftScope scope, string operation, ContractDriftReporter? reporter, HttpResponseMessage response)
    {
        if (scope.Findings is { } findings && reporter is { Enabled: true })
        {
            foreach (var finding in findings)
            {
                reporter.Report(response.RequestMessage, operation, finding, finding.Class);
            }
        }
    }

    private static NexGenApiException Failure(Type model, JsonException exception, ContractDriftScope scope, string operation, ContractDriftReporter? reporter, HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        // Without the SDK's pipeline the body was not checked to be complete JSON, and a cut-off body
        // fails like a mistyped member: only a missing required member is then surely the contract's.
        if (scope.Violation is not { } violation || (reporter is null && !scope.IsRequiredViolation))
        {
            // Newtonsoft.Json's message may quote the value it could not convert (patient data): only its path is kept.
            var at = exception switch
            {
                JsonReaderException { Path: { Length: > 0 } path } => " at " + path,
                JsonSerializationException { Path: { Length: > 0 } path } => " at " + path,
                _ => string.Empty,
            };
            return new NexGenApiException("Could not deserialize the response body as " + model.FullName + at + ".", (int)response.StatusCode, string.Empty, headers, null);
        }

        // Newtonsoft.Json's message may quote the value it could not convert (patient data): it is not kept.
        return Violation(violation, scope, operation, reporter, response, headers);
    }

    /// <summary>Reports <paramref name="violation"/> as breaking, and what the read met before it, and makes its exception.</summary>
    private static NexGenContractViolationException Violation(ContractDriftFinding violation, ContractDriftScope scope, string operation, ContractDriftReporter? reporter, HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        reporter?.Report(response.RequestMessage, operation, new ContractDriftFinding(violation.Kind, ContractDriftPath.Collapse(violation.Path)), ContractDriftKinds.Breaking);
        // What was met before it, such as the new name of a renamed member, helps to read the failure.
        ReportFindings(scope, operation, reporter, response);
        return new NexGenContractViolationException(ApiErrorResponse.FromGenerated((int)response.StatusCode, headers), operation, violation.Path, violation.Kind);
    }
}
