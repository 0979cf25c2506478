using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddNexGenClient(options =>
{
    options.BaseAddress = new Uri("https://api.example.com");
    options.OrganizationId = "org_7f3c2a9e";
    options.PracticeId = "practice_42";
    options.Token = builder.Configuration["NexGen:Token"];
    options.AttemptTimeout = TimeSpan.FromSeconds(5);
    options.OverallTimeout = TimeSpan.FromSeconds(30);
    options.Retry.MaxRetries = 2;
    options.UserAgentSuffix = "acme-booking/2.3";
});
using var host = builder.Build();

var client = host.Services.GetRequiredService<NexGenClient>();
Console.WriteLine((await client.Sites.ListAsync()).Total);
