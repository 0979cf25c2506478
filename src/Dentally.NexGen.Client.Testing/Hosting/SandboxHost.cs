using System.Net;
using System.Text;
using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Endpoints;
using Dentally.NexGen.Client.Testing.Middleware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dentally.NexGen.Client.Testing.Hosting;

/// <summary>
/// The sandbox's web server: an ASP.NET Core app on Kestrel, on the loopback address and a port the OS
/// picks (or the one asked for), one rule per middleware (in the order a request meets them), one endpoint per operation.
/// </summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts on <paramref name="port"/> (0: a free one); <paramref name="services"/> registers the state the rules take.</summary>
    public static async Task<SandboxHost> StartAsync(int port, Action<IServiceCollection> services, CancellationToken cancellationToken)
    {
        // An empty builder: the test process's own settings (its appsettings.json, ASPNETCORE_URLS, a
        // Kestrel section, logging) are its app's, not the sandbox's, and nothing watches files.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // A header byte from 0x80 to 0xFF is read as the Latin-1 character it is, not refused with a bare 400.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.ResponseHeaderEncodingSelector = _ => Encoding.UTF8;

            // The loopback address, so nothing outside the machine can connect; port 0 lets the OS pick a free one.
            kestrel.Listen(IPAddress.Loopback, port, KestrelRefusals.Install);
        });
        services(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<RequestJournalMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapOperations(SandboxContract.Instance.Operations);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SandboxHost(app, new Uri(address));
    }

    /// <summary>Stops listening, closes idle kept-alive connections and waits for requests in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
