using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddNexGenClient(options => options.BaseAddress = new Uri("http://api.example.com"));
using var host = builder.Build();
try
{
    host.Start(); // AddNexGenClient registers ValidateOnStart: bad options stop the host here
}
catch (OptionsValidationException exception)
{
    Console.Error.WriteLine(exception.Message);
}
