using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Http;

/// <summary>
/// Lets a WireMock callback drop its connection. WireMock's own faults (<c>EMPTY_RESPONSE</c>,
/// <c>MALFORMED_RESPONSE_CHUNK</c>) still send a status line, and callbacks never see the
/// <see cref="HttpContext"/>; so a middleware placed before WireMock's records the context of the
/// request in flight, and <see cref="AbortCurrent"/> aborts it.
/// </summary>
internal sealed class ConnectionControl
{
    private readonly AsyncLocal<HttpContext?> _current = new();

    /// <summary>For <c>WireMockServerSettings.PreWireMockMiddlewareInit</c>, which passes the <see cref="IApplicationBuilder"/> as an object.</summary>
    public void Install(object applicationBuilder)
        => ((IApplicationBuilder)applicationBuilder).Use(async (HttpContext context, Func<Task> next) =>
        {
            _current.Value = context;
            try
            {
                await next().ConfigureAwait(false);
            }
            finally
            {
                _current.Value = null;
            }
        });

    /// <summary>Closes the current request's connection without a response; <see langword="false"/> outside a request.</summary>
    public bool AbortCurrent()
    {
        var context = _current.Value;
        if (context is null)
        {
            return false;
        }

        context.Abort();
        return true;
    }
}
