using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTransient<CorrelationHandler>();
builder.Services.AddNexGenClient(builder.Configuration.GetSection("NexGen"))
    .AddHttpMessageHandler<CorrelationHandler>(); // runs on every attempt, inside the retries
using var host = builder.Build();

sealed class CorrelationHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", Guid.NewGuid().ToString());
        return base.SendAsync(request, cancellationToken);
    }
}
