using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// One activity and one Debug log event per HTTP send: method, path template, status, attempt, duration
/// and request id. Debug, because a call is several sends when retried and an app's default
/// (Information) log should not grow by one line per attempt; the call's outcome reaches the caller as
/// its result or exception. Never the query string, headers or bodies: they hold tokens and patient data.
/// </summary>
internal struct AttemptTrace : IDisposable
{
    private static readonly Action<ILogger, string, string, int, long, int, string?, Exception?> LogCompleted =
        LoggerMessage.Define<string, string, int, long, int, string?>(LogLevel.Debug, new EventId(1, "NexGenRequestCompleted"),
            "HTTP {Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds} ms (attempt {Attempt}, request id {RequestId})");

    private static readonly Action<ILogger, string, string, long, int, string, Exception?> LogFailed =
        LoggerMessage.Define<string, string, long, int, string>(LogLevel.Debug, new EventId(2, "NexGenRequestFailed"),
            "HTTP {Method} {PathTemplate} failed after {ElapsedMilliseconds} ms (attempt {Attempt}): {ErrorType}");

    private readonly ILogger _logger;
    private readonly Activity? _activity;
    private readonly string _method;
    private readonly string _template;
    private readonly int _attempt;
    private readonly long _started;

    private AttemptTrace(ILogger logger, Activity? activity, string method, string template, int attempt)
    {
        _logger = logger;
        _activity = activity;
        _method = method;
        _template = template;
        _attempt = attempt;
        _started = Stopwatch.GetTimestamp();
    }

    public static AttemptTrace Start(ILogger logger, HttpRequestMessage request, int attempt)
    {
        RequestCounter.RecordAttempt();
        var method = request.Method.Method;
        // Every send passes here: the template is only worked out when a trace or a log will use it
        // (both events are Debug).
        var traced = NexGenDiagnostics.ActivitySource.HasListeners();
        var template = traced || logger.IsEnabled(LogLevel.Debug)
            ? PathTemplate.FromPath(request.RequestUri?.AbsolutePath ?? string.Empty)
            : string.Empty;
        var activity = traced ? NexGenDiagnostics.ActivitySource.StartActivity(method + " " + template, ActivityKind.Client) : null;
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

        return new AttemptTrace(logger, activity, method, template, attempt);
    }

    public readonly void Answered(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        ResponseCapture.Record(response);
        var requestId = _activity is not null || _logger.IsEnabled(LogLevel.Debug) ? ApiErrorResponse.ReadRequestId(response) : null;
        if (_activity is not null)
        {
            _activity.SetTag("http.response.status_code", status);
            _activity.SetTag("nexgen.request_id", requestId);
            if (status >= 400)
            {
                _activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
                _activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        // Checked here, not only inside the delegate: its arguments (a clock read) would be worked out first.
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogCompleted(_logger, _method, _template, status, ElapsedMilliseconds(), _attempt, requestId, null);
        }
    }

    public readonly void Failed(Exception exception)
    {
        _activity?.SetTag("error.type", exception.GetType().FullName);
        _activity?.SetStatus(ActivityStatusCode.Error);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogFailed(_logger, _method, _template, ElapsedMilliseconds(), _attempt, exception.GetType().Name, null);
        }
    }

    public readonly void Dispose() => _activity?.Dispose();

    private readonly long ElapsedMilliseconds()
        => (long)((Stopwatch.GetTimestamp() - _started) * 1000.0 / Stopwatch.Frequency);
}
