using Dentally.NexGen.Client;

var tokens = new TokenService();
var options = new NexGenClientOptions
{
    BaseAddress = new Uri("https://api.example.com"),
    OrganizationId = "org_7f3c2a9e",
    PracticeId = "practice_42",
    TokenProvider = NexGenTokenProviders.FromDelegate(async (forceRefresh, cancellationToken) =>
        forceRefresh
            ? await tokens.RenewAsync(cancellationToken)          // after a 401: once, never in a loop
            : await tokens.GetCachedOrNewAsync(cancellationToken)),
};
var client = new NexGenClient(options);
Console.WriteLine((await client.Sites.ListAsync()).Total);

// Your own token source: an OAuth client, a secrets store, …
sealed class TokenService
{
    public Task<string> RenewAsync(CancellationToken cancellationToken) => Task.FromResult("new-token");

    public Task<string> GetCachedOrNewAsync(CancellationToken cancellationToken) => Task.FromResult("cached-token");
}
