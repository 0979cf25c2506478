using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Polly;

namespace Dentally.NexGen.Client;

/// <summary>
/// The SDK's HTTP handler. Each request runs through the resilience pipeline (overall timeout → retry
/// → attempt timeout); each attempt carries the bearer token (refreshed once after a 401 when the
/// provider can), is traced and logged, and has its success body checked. Failures left once the
/// pipeline gives up become typed exceptions. Handlers added after it (through DI) run per attempt.
/// </summary>
/// <remarks>
/// One handler rather than a chain of five: each <see cref="DelegatingHandler"/> is another
/// asynchronous layer on every attempt, and the chain measurably cost throughput (docs/performance.md).
/// </remarks>
internal sealed class NexGenHttpHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;
    private readonly BearerTokenSource _tokens;
    private readonly ILogger _logger;

    public NexGenHttpHandler(ResiliencePipeline<HttpResponseMessage> resilience, BearerTokenSource tokens, ILogger logger)
    {
        _resilience = resilience;
        _tokens = tokens;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempts = new RequestAttempts(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            context.Properties.Set(RequestAttempts.Key, attempts);
            outcome = await _resilience.ExecuteOutcomeAsync(
                static (context, state) => state.Handler.SendAttemptAsync(state.Attempts, context.CancellationToken),
                context,
                (Handler: this, Attempts: attempts)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is { } failure && TransportErrors.Translate(failure, cancellationToken) is { } typed)
        {
            throw typed;
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    /// <summary>One attempt; it sends twice only when a 401 made the provider hand out a different token.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(RequestAttempts attempts, CancellationToken cancellationToken)
    {
        var request = attempts.Request;
        try
        {
            var token = await _tokens.GetAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
            var refreshed = false;
            while (true)
            {
                request.Headers.Authorization = token.Header;
                HttpResponseMessage response;
                var trace = AttemptTrace.Start(_logger, request, attempts.NextSend());
                try
                {
                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    await ResponseBodyCheck.EnsureJsonAsync(request, response, cancellationToken).ConfigureAwait(false);
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
                    return Outcome.FromResult(response);
                }

                refreshed = true;
                BearerToken fresh;
                try
                {
                    fresh = await _tokens.GetAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }

                if (fresh.IsSameAs(token))
                {
                    return Outcome.FromResult(response);
                }

                response.Dispose();
                token = fresh;
            }
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }
}
