using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"));
// Information (the default): one line per booking, a Warning when one fails.
// Debug adds one line per HTTP attempt and per booking step.
builder.Logging.AddFilter(NexGenDiagnostics.SourceName, LogLevel.Debug);
using var host = builder.Build();
