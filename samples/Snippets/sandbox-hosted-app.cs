using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace MyApp.Tests;

public class HostedAppTests
{
    [Fact]
    public async Task The_app_lists_the_sandbox_sites()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();

        // The app's own start-up, unchanged: it binds the "NexGen" section.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(sandbox.ToConfiguration()); // the sandbox's port, org, practice and token
        builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
        using var host = builder.Build();

        var sites = await host.Services.GetRequiredService<NexGenClient>().Sites.ListAsync();
        Assert.Equal(2, sites.Total);
    }
}
