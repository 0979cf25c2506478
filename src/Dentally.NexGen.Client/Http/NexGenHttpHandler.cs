using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Dentally.NexGen.Client;

/// <summary>
/// The SDK's HTTP handler. Each attempt runs under the attempt timeout (bounded by what is left of the
/// overall one), carries the bearer token (refreshed once after a 401 when the provider can), is traced
/// and logged, and has its success body checked. An attempt whose outcome may call for a retry is
/// handed to the retry pipeline (Polly), which decides, waits and sends again within the overall
/// timeout. Failures left once it gives up become typed exceptions. Handlers added after this one
/// (through DI) run per attempt.
/// </summary>
/// <remarks>
/// One handler rather than a chain, and the retry pipeline entered only when an outcome may need it:
/// every asynchronous layer and timer on the path of a call that succeeds at once costs throughput
/// (docs/performance.md), and almost every call succeeds at once.
/// </remarks>
internal sealed class NexGenHttpHandler : DelegatingHandler
{
    private const string UserAgentHeader = "User-Agent";

    private readonly ResiliencePipeline<HttpResponseMessage>? _retry;
    private readonly RequestTimeouts _timeouts;
    private readonly BearerTokenSource _tokens;
    private readonly string _userAgent;
    private readonly ILogger _logger;

    /// <param name="retry">The retry pipeline; <see langword="null"/> when retries are off.</param>
    /// <param name="timeouts">The attempt and overall timeouts.</param>
    /// <param name="tokens">The bearer token.</param>
    /// <param name="userAgent">The SDK's <c>User-Agent</c>, sent unless the request already has one.</param>
    /// <param name="logger">Where attempts are logged.</param>
    public NexGenHttpHandler(ResiliencePipeline<HttpResponseMessage>? retry, RequestTimeouts timeouts, BearerTokenSource tokens, string userAgent, ILogger logger)
    {
        _retry = retry;
        _timeouts = timeouts;
        _tokens = tokens;
        _userAgent = userAgent;
        _logger = logger;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Set here rather than in HttpClient.DefaultRequestHeaders: HttpClient has already merged its
        // defaults into the request, so a User-Agent the app set there or on the request wins, once.
        if (!request.Headers.Contains(UserAgentHeader))
        {
            request.Headers.TryAddWithoutValidation(UserAgentHeader, _userAgent);
        }

        return SendAttemptAsync(new RequestAttempts(request, _timeouts.Clock.GetTimestamp()), first: true, cancellationToken);
    }

    /// <summary>
    /// A cheap first look: false only for outcomes no retry could follow. Everything else goes to the
    /// retry pipeline, whose predicate (<see cref="NexGenResilience.ShouldRetryAsync"/>) decides.
    /// </summary>
    private static bool MayCallForRetry(Outcome<HttpResponseMessage> outcome, RequestAttempts attempts, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return !attempts.OverallTimeoutExpired && !cancellationToken.IsCancellationRequested;
        }

        var status = outcome.Result!.StatusCode;
        return NexGenResilience.IsTransient(status) || status == HttpStatusCode.Conflict;
    }

    /// <summary>
    /// Runs the retry pipeline with the first attempt's outcome as its first attempt, under a timer for
    /// what is left of the overall timeout (which also bounds the delays between attempts).
    /// </summary>
    private async Task<Outcome<HttpResponseMessage>> RetryAsync(
        ResiliencePipeline<HttpResponseMessage> retry, RequestAttempts attempts, Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var remaining = _timeouts.Remaining(attempts.Started);
        if (remaining <= TimeSpan.Zero)
        {
            return first;
        }

        using var overall = _timeouts.Start(remaining, cancellationToken);
        attempts.HandOver(first);
        var context = ResilienceContextPool.Shared.Get(overall.Token);
        try
        {
            context.Properties.Set(RequestAttempts.Key, attempts);
            var outcome = await retry.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    // The first call judges the first attempt's outcome; later calls send again.
                    if (!state.Attempts.TakeHandedOver(out var outcome))
                    {
                        await state.Handler.SendAttemptAsync(state.Attempts, first: false, context.CancellationToken).ConfigureAwait(false);
                        state.Attempts.TakeHandedOver(out outcome);
                    }

                    return outcome;
                },
                context,
                (Handler: this, Attempts: attempts)).ConfigureAwait(false);

            // The overall timer fired while the pipeline waited to retry: that is the overall timeout.
            return outcome.Exception is OperationCanceledException && overall.TimedOut
                ? Outcome.FromException<HttpResponseMessage>(OverallTimeout())
                : outcome;
        }
        catch (OperationCanceledException) when (overall.TimedOut)
        {
            // ... or while the retry predicate read a 409's body to see whether its key is in use.
            return Outcome.FromException<HttpResponseMessage>(OverallTimeout());
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt; it sends twice only when a 401 made the provider hand out a different token. The
    /// first attempt of a request also finishes it: an outcome that may call for a retry goes to the retry
    /// pipeline, and the final response is returned or its failure thrown as a typed exception. An
    /// attempt made for the pipeline (<paramref name="first"/> false) instead hands its outcome over
    /// through <paramref name="attempts"/> and returns <see langword="null"/>.
    /// </summary>
    /// <remarks>
    /// One method rather than an attempt awaited by a request method: one asynchronous layer fewer on
    /// every call, and almost every call is a single attempt.
    /// </remarks>
    private async Task<HttpResponseMessage> SendAttemptAsync(RequestAttempts attempts, bool first, CancellationToken cancellationToken)
    {
        Outcome<HttpResponseMessage> outcome;
        var remaining = _timeouts.Remaining(attempts.Started);
        var overallFirst = remaining <= _timeouts.Attempt;
        if (remaining <= TimeSpan.Zero)
        {
            attempts.OverallTimeoutExpired = true;
            outcome = Outcome.FromException<HttpResponseMessage>(OverallTimeout());
        }
        else
        {
            using var timeout = _timeouts.Start(overallFirst ? remaining : _timeouts.Attempt, cancellationToken);
            try
            {
                var request = attempts.Request;
                var token = await _tokens.GetAsync(forceRefresh: false, timeout.Token).ConfigureAwait(false);
                var refreshed = false;
                HttpResponseMessage response;
                while (true)
                {
                    request.Headers.Authorization = token.Header;
                    var trace = AttemptTrace.Start(_logger, request, attempts.NextSend());
                    try
                    {
                        response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
                        await ResponseBodyCheck.EnsureJsonAsync(request, response, timeout.Token).ConfigureAwait(false);
                        trace.Answered(response);
                    }
                    catch (Exception exception)
                    {
                        trace.Failed(exception);
                        throw;
                    }
                    finally
                    {
                        trace.Dispose();
                    }

                    if (response.StatusCode != HttpStatusCode.Unauthorized || !_tokens.CanRefresh || refreshed)
                    {
                        break;
                    }

                    refreshed = true;
                    BearerToken fresh;
                    try
                    {
                        fresh = await _tokens.GetAsync(forceRefresh: true, timeout.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }

                    if (fresh.IsSameAs(token))
                    {
                        break;
                    }

                    response.Dispose();
                    token = fresh;
                }

                outcome = Outcome.FromResult(response);
            }
            catch (OperationCanceledException canceled) when (timeout.TimedOut)
            {
                attempts.OverallTimeoutExpired = overallFirst;
                var limit = overallFirst ? _timeouts.Overall : _timeouts.Attempt;
                outcome = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(TransportErrors.TimeoutMessage(limit), limit, canceled));
            }
            catch (Exception exception)
            {
                outcome = Outcome.FromException<HttpResponseMessage>(exception);
            }
        }

        if (!first)
        {
            attempts.HandOver(outcome);
            return null!;
        }

        if (_retry is not null && MayCallForRetry(outcome, attempts, cancellationToken))
        {
            outcome = await RetryAsync(_retry, attempts, outcome, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Exception is { } failure)
        {
            if (TransportErrors.Translate(failure, cancellationToken, attempts.Sent, _timeouts.Clock.GetElapsedTime(attempts.Started)) is { } typed)
            {
                throw typed;
            }

            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return outcome.Result!;
    }

    private TimeoutRejectedException OverallTimeout() => new(TransportErrors.TimeoutMessage(_timeouts.Overall), _timeouts.Overall);
}
