using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dentally.NexGen.Client.Benchmarks.Server;

/// <summary>
/// The three endpoints the benchmarks call, served by Kestrel in this process on 127.0.0.1 and a
/// free port. Bodies are precomputed (<see cref="FixedResponses"/>), so the server's cost is the same
/// for the SDK and for the baseline. A request without a bearer token or X-Practice-Id is refused,
/// which proves both clients send them.
/// </summary>
internal sealed class LoopbackApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApi(WebApplication app, Uri baseAddress, ConnectionCounter connections, ServedRequests requests)
    {
        _app = app;
        BaseAddress = baseAddress;
        Connections = connections;
        Requests = requests;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public ConnectionCounter Connections { get; }

    public ServedRequests Requests { get; }

    public static async Task<LoopbackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Console logging per request would dominate what is measured.
        builder.Logging.ClearProviders();
        var connections = new ConnectionCounter();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Loopback only, never a public interface; port 0 lets the OS pick a free one.
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(connections.Middleware));
        });

        var app = builder.Build();
        var requests = new ServedRequests();
        app.MapGet("/api/v1/{org}/patients", http =>
        {
            requests.PatientSearch();
            var body = http.Request.Query["query"] == SpecExamples.BookingQuery ? FixedResponses.PatientPageJaneOnly : FixedResponses.PatientPageOf20;
            return WriteAsync(http, StatusCodes.Status200OK, body, location: null);
        });
        app.MapGet("/api/v1/{org}/appointment-types", http =>
        {
            requests.AppointmentTypeList();
            return WriteAsync(http, StatusCodes.Status200OK, FixedResponses.AppointmentTypes, location: null);
        });
        app.MapPost("/api/v1/{org}/appointments", http =>
        {
            requests.AppointmentCreate();
            return WriteAsync(http, StatusCodes.Status201Created, FixedResponses.AppointmentBooked, FixedResponses.AppointmentLocation);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackApi(app, new Uri(address + "/"), connections, requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task WriteAsync(HttpContext http, int status, byte[] body, string? location)
    {
        var request = http.Request.Headers;
        var response = http.Response;
        if (!request.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        if (string.IsNullOrEmpty(request["X-Practice-Id"]))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        response.Headers["X-Request-Id"] = SpecExamples.RequestId;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        return response.Body.WriteAsync(body.AsMemory(), http.RequestAborted).AsTask();
    }
}
