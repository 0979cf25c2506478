#if NEXGEN_SAMPLES
#region snippet:sandbox-web-application-factory
// Until the packages are published, add the nexgen-local package source first (README.md, "Install").
// dotnet new xunit; dotnet add package Dentally.NexGen.Client.Testing --prerelease; dotnet add package Microsoft.AspNetCore.Mvc.Testing
using System.Net.Http.Json;
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Samples.BookingApi;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MyApp.Tests;

public class BookingApiTests
{
    [Fact]
    public async Task A_minimal_api_books_against_the_sandbox()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
        sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 10, 0, 0));

        // The app's start-up registers AddNexGenClient(builder.Configuration.GetSection("NexGen"));
        // the test points those options at the sandbox, after the app's own registration.
        await using var factory = new WebApplicationFactory<BookingApiApp>().WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.Configure<NexGenClientOptions>(sandbox.ConfigureClient)));
        using var http = factory.CreateClient();

        var response = await http.PostAsJsonAsync("/bookings", new BookingInput("Jane Smith", "NPE", SandboxSeed.MainStreetDental, new DateTime(2025, 5, 20, 10, 0, 0)));

        response.EnsureSuccessStatusCode();
        var booked = await response.Content.ReadFromJsonAsync<BookingOutput>();
        Assert.True(booked!.Rebooked);
        Assert.Single(sandbox.GetAppointments(), a => a.Uuid == booked.Uuid);
    }
}
#endregion
#else
using Dentally.NexGen.Client.Tests.Support;

namespace MyApp.Tests;

public class BookingApiTests
{
    [Fact(Skip = OnlyWithTheSamples.Skip)]
    public void A_minimal_api_books_against_the_sandbox() { }
}
#endif
