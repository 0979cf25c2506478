using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// One activity and one log event per HTTP attempt: method, path template, status, attempt,
/// duration and request id. Never the query string, headers or bodies: they hold tokens and patient data.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    private const string AttemptKey = "Dentally.NexGen.Client.Attempt";

    private static readonly Action<ILogger, string, string, int, long, int, string?, Exception?> LogCompleted =
        LoggerMessage.Define<string, string, int, long, int, string?>(LogLevel.Information, new EventId(1, "NexGenRequestCompleted"),
            "HTTP {Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt}, request id {RequestId})");

    private static readonly Action<ILogger, string, string, long, int, string, Exception?> LogFailed =
        LoggerMessage.Define<string, string, long, int, string>(LogLevel.Warning, new EventId(2, "NexGenRequestFailed"),
            "HTTP {Method} {PathTemplate} failed after {ElapsedMilliseconds} ms (attempt {Attempt}): {ErrorType}");

    private readonly ILogger _logger;

    public TelemetryHandler(ILogger logger)
    {
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = NextAttempt(request);
        RequestCounter.RecordAttempt();
        var method = request.Method.Method;
        // Every attempt passes here: the template is only worked out when a trace or a log will use it
        // (a Warning-enabled logger covers both events, Information implying Warning).
        var traced = NexGenDiagnostics.ActivitySource.HasListeners();
        var template = traced || _logger.IsEnabled(LogLevel.Warning)
            ? PathTemplate.FromPath(request.RequestUri?.AbsolutePath ?? string.Empty)
            : string.Empty;
        using var activity = traced ? NexGenDiagnostics.ActivitySource.StartActivity(method + " " + template, ActivityKind.Client) : null;
        if (activity is not null)
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.template", template);
            activity.SetTag("server.address", request.RequestUri?.Host);
            activity.SetTag("server.port", request.RequestUri?.Port);
            if (attempt > 1)
            {
                activity.SetTag("http.request.resend_count", attempt - 1);
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var requestId = activity is not null || _logger.IsEnabled(LogLevel.Information) ? ApiErrorResponse.ReadRequestId(response) : null;
            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                activity.SetTag("nexgen.request_id", requestId);
                if (status >= 400)
                {
                    activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            LogCompleted(_logger, method, template, status, ElapsedMilliseconds(started), attempt, requestId, null);
            return response;
        }
        catch (Exception exception)
        {
            activity?.SetTag("error.type", exception.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error);
            LogFailed(_logger, method, template, ElapsedMilliseconds(started), attempt, exception.GetType().Name, null);
            throw;
        }
    }

    private static long ElapsedMilliseconds(long started)
        => (long)((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);

    private static int NextAttempt(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        var key = new HttpRequestOptionsKey<int>(AttemptKey);
        request.Options.TryGetValue(key, out var previous);
        request.Options.Set(key, previous + 1);
        return previous + 1;
#else
        var previous = request.Properties.TryGetValue(AttemptKey, out var value) && value is int count ? count : 0;
        request.Properties[AttemptKey] = previous + 1;
        return previous + 1;
#endif
    }
}
