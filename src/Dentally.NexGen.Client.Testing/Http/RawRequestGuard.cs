using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dentally.NexGen.Client.Testing.Http;

/// <summary>
/// Lets every request reach the sandbox, so that each one gets an answer the contract allows (a
/// problem body with <c>X-Request-Id</c>) rather than the web server's or WireMock.Net's own:
/// Kestrel refuses a header byte from 0x80 to 0xFF with a bare 400 unless told to read headers as
/// Latin-1, and WireMock.Net's query parser throws (a 500 with a stack trace) on a pair with an empty
/// name, such as <c>?=</c>, which is dropped here as the unknown parameter it is.
/// </summary>
internal static class RawRequestGuard
{
    /// <summary>For <c>WireMockServerSettings.AdditionalServiceRegistration</c>.</summary>
    public static void Register(IServiceCollection services)
        => services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            ServerRejections.Install(kestrel);
        });

    /// <summary>Runs before WireMock.Net's middleware.</summary>
    public static void Install(IApplicationBuilder application)
        => application.Use(async (HttpContext context, Func<Task> next) =>
        {
            if (context.Request.QueryString is { HasValue: true } query && HasEmptyName(query.Value!))
            {
                context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(WithoutEmptyNames(query.Value!));
            }

            await next().ConfigureAwait(false);
        });

    private static bool HasEmptyName(string query) => query.TrimStart('?').Split('&').Any(IsEmptyName);

    private static string WithoutEmptyNames(string query)
    {
        var kept = query.TrimStart('?').Split('&').Where(pair => pair.Length > 0 && !IsEmptyName(pair)).ToArray();
        return kept.Length == 0 ? string.Empty : "?" + string.Join("&", kept);
    }

    private static bool IsEmptyName(string pair) => pair.StartsWith('=');
}
