using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dentally.NexGen.Samples.Snippets;

internal static class Configuration
{
    public static void OptionsInCode(HostApplicationBuilder builder)
    {
        #region snippet:options-in-code
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
        #endregion
    }

    public static void ValidationFailure()
    {
        #region snippet:options-validation
        var options = new NexGenClientOptions { BaseAddress = new Uri("http://api.example.com") };
        foreach (var problem in options.Validate())
        {
            Console.WriteLine(problem);
            // NexGenClientOptions.BaseAddress must use https (http is allowed only for loopback hosts; …)
            // NexGenClientOptions.OrganizationId is required. …
        }
        #endregion
    }

    public static void StartupValidation(IHost host)
    {
        #region snippet:validate-on-start
        try
        {
            host.Start(); // AddNexGenClient registers ValidateOnStart: bad options stop the host here
        }
        catch (OptionsValidationException exception)
        {
            Console.Error.WriteLine(exception.Message);
        }
        #endregion
    }

    public static void MoreHandlers(IServiceCollection services)
    {
        #region snippet:more-handlers
        services.AddNexGenClient(options => { /* … */ })
            .AddHttpMessageHandler(() => new CorrelationHandler()); // runs on every attempt, inside the retries
        #endregion
    }

    private sealed class CorrelationHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", Guid.NewGuid().ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
