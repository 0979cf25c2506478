using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
// appsettings.json: { "NexGen": { "North": { "BaseAddress": "…", "OrganizationId": "…", "PracticeId": "…", "Token": "…" }, "South": { … } } }
builder.Services.AddNexGenClient("north", builder.Configuration.GetSection("NexGen:North"));
builder.Services.AddNexGenClient("south", builder.Configuration.GetSection("NexGen:South"));
builder.Services.AddSingleton<Reminders>();
using var host = builder.Build();
await host.StartAsync(); // each named client's options are validated here, the message naming the client

await host.Services.GetRequiredService<Reminders>().SendAsync();

sealed class Reminders(
    [FromKeyedServices("north")] NexGenClient north,
    [FromKeyedServices("south")] NexGenClient south)
{
    public async Task SendAsync()
    {
        Console.WriteLine((await north.Sites.ListAsync()).Total);
        Console.WriteLine((await south.Sites.ListAsync()).Total);
    }
}
