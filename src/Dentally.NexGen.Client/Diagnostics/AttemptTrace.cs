using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client;

/// <summary>
/// One activity and one Debug log event per HTTP send: method, path template, status, attempt, duration,
/// request id and the tenant (organisation and practice ids, so a partner's dashboards split by tenant). Debug, because a call is several sends when retried and an app's default
/// (Information) log should not grow by one line per attempt; the call's outcome reaches the caller as
/// its result or exception. Never the query string, headers or bodies: they hold tokens and patient data.
/// </summary>
internal struct AttemptTrace : IDisposable
{
    private readonly ILogger _logger;
    private readonly Activity? _activity;
    private readonly string _method;
    private readonly string _template;
    private readonly int _attempt;
    private readonly NexGenScope? _tenant;
    private readonly TimeProvider _time;
    private readonly long _started;

    private AttemptTrace(ILogger logger, TimeProvider time, Activity? activity, string method, string template, int attempt, NexGenScope? tenant)
    {
        _time = time;
        _logger = logger;
        _activity = activity;
        _method = method;
        _template = template;
        _attempt = attempt;
        _tenant = tenant;
        _started = time.GetTimestamp();
    }

    /// <summary>Whether anything would see a send's trace: an activity listener, a Debug log, or a <c>…WithResponseAsync</c> call's capture.</summary>
    public static bool IsObserved(ILogger logger)
        => NexGenDiagnostics.ActivitySource.HasListeners() || logger.IsEnabled(LogLevel.Debug) || ResponseCapture.IsActive;

    /// <summary>Starts a send's trace; its duration is on <paramref name="time"/>, the clock its timeouts run on.</summary>
    public static AttemptTrace Start(ILogger logger, TimeProvider time, HttpRequestMessage request, int attempt)
    {
        var method = request.Method.Method;
        var tenant = RequestScope.Get(request);
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
            activity.SetTag(NexGenDiagnostics.OrganizationIdTag, tenant?.OrganizationIdOrNull);
            activity.SetTag(NexGenDiagnostics.PracticeIdTag, tenant?.PracticeIdOrNull);
            if (attempt > 1)
            {
                activity.SetTag("http.request.resend_count", attempt - 1);
            }
        }

        return new AttemptTrace(logger, time, activity, method, template, attempt, tenant);
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

        // Checked here, not only inside the log method: its arguments (a clock read) would be worked out first.
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = ElapsedMilliseconds();
            HttpLog.Completed(_logger, _method, _template, status, elapsed, _attempt, requestId, _tenant?.OrganizationIdOrNull, _tenant?.PracticeIdOrNull);
        }
    }

    public readonly void Failed(Exception exception)
    {
        _activity?.SetTag("error.type", exception.GetType().FullName);
        _activity?.SetStatus(ActivityStatusCode.Error);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = ElapsedMilliseconds();
            var errorType = exception.GetType().Name;
            HttpLog.Failed(_logger, _method, _template, elapsed, _attempt, errorType, _tenant?.OrganizationIdOrNull, _tenant?.PracticeIdOrNull);
        }
    }

    public readonly void Dispose() => _activity?.Dispose();

    private readonly long ElapsedMilliseconds() => (long)_time.GetElapsedTime(_started).TotalMilliseconds;
}
