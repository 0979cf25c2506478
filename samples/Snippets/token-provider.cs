using Dentally.NexGen.Client;

var identity = new IdentityService();
var options = new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    // Kept per organisation and practice until two minutes before it expires; after a 401, renewed
    // once for that tenant however many of its requests were refused.
    TokenProvider = NexGenTokenProviders.Cached((request, cancellationToken) =>
        identity.IssueAsync(request.OrganizationId, request.PracticeId, cancellationToken)),
};
var client = new NexGenClient(options);
Console.WriteLine((await client.Sites.ListAsync()).Total);

// Your own identity provider: an OAuth client-credentials call, a secrets store, …
sealed class IdentityService
{
    public ValueTask<NexGenAccessToken> IssueAsync(string organizationId, string practiceId, CancellationToken cancellationToken)
        => new(new NexGenAccessToken("token-for-" + practiceId, DateTimeOffset.UtcNow.AddHours(1)));
}
