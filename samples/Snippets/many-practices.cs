using Dentally.NexGen.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
// One registration of the partner's credentials: no organisation or practice here.
builder.Services.AddNexGenClient(options =>
{
    options.BaseAddress = new Uri("https://api.example.com");
    options.TokenProvider = NexGenTokenProviders.Cached((request, cancellationToken) =>
        PartnerIdentity.IssueAsync(request.OrganizationId, request.PracticeId, cancellationToken));
});
using var host = builder.Build();

var client = host.Services.GetRequiredService<NexGenClient>();
var bookings = host.Services.GetRequiredService<BookingWorkflow>();
foreach (var (organizationId, practiceId) in new[] { ("org_7f3c2a9e", "practice_42"), ("org_91b0d4c3", "practice_7") })
{
    // A scope is a small object over the same pipeline and connection pool: make one per call, or keep them.
    var practice = client.ForPractice(organizationId, practiceId);
    Console.WriteLine($"{practiceId}: {(await practice.Sites.ListAsync()).Total} sites");
    // Booking there: bookings.ForPractice(organizationId, practiceId).BookAsync(request), sharing one type cache.
    _ = bookings.ForPractice(organizationId, practiceId);
}

// Your identity provider issues a token per organisation and practice.
static class PartnerIdentity
{
    public static ValueTask<NexGenAccessToken> IssueAsync(string organizationId, string practiceId, CancellationToken cancellationToken)
        => new(new NexGenAccessToken($"token-for-{organizationId}-{practiceId}", DateTimeOffset.UtcNow.AddHours(1)));
}
