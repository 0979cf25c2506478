using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.ContractCheck.Contract;
using Dentally.NexGen.ContractCheck.Diff;

namespace Dentally.NexGen.Tool.Tests.Diff;

/// <summary>
/// <c>nexgen diff</c> on a change of <c>security</c>, read as OpenAPI means it: any one alternative will do,
/// each asks for all its schemes with their scopes. Breaking only when the bearer token the SDK sends,
/// from the scheme and flow it uses now, no longer calls the operation. Two small contracts, one operation.
/// </summary>
public sealed class SecurityDiffTests
{
    private const string TokenUrl = "https://auth.example.com/oauth/token";
    private const string ClientCredentials = "      type: oauth2\n      flows:\n        clientCredentials:\n          tokenUrl: " + TokenUrl + "\n          scopes: {sites:read: Read sites, sites:write: Change sites}\n";
    private const string AuthorizationCode = "        authorizationCode:\n          authorizationUrl: https://auth.example.com/oauth/authorize\n          tokenUrl: https://auth.example.com/oauth/code-token\n          scopes: {sites:read: Read sites}\n";
    private const string ApiKey = "    apiKey:\n      type: apiKey\n      in: header\n      name: X-Api-Key\n";
    private const string UsedToken = "oauth2 (client credentials from " + TokenUrl + ")";

    [Fact]
    public async Task A_flow_added_beside_the_one_the_SDK_uses_is_additive()
    {
        // Every token from the client credentials flow still calls the operation: before, this read as the old way removed.
        var difference = await OnlyDifference(Contract(ClientCredentials), Contract(ClientCredentials + AuthorizationCode));

        Assert.Equal((DifferenceClass.Additive, UsedToken, $"oauth2 (authorization code from https://auth.example.com/oauth/code-token; client credentials from {TokenUrl})"), (difference.Class, difference.Expected, difference.Actual));
        Assert.Equal(["client.Sites.ListAsync", "client.Sites.ListAllAsync"], difference.SdkMembers);
    }

    [Fact]
    public async Task A_flow_removed_is_breaking_even_with_another_left()
    {
        // The contract cannot tell which flow an integrator's token provider uses: each one is in use.
        var difference = await OnlyDifference(Contract(ClientCredentials + AuthorizationCode), Contract(ClientCredentials));

        Assert.Equal((DifferenceClass.Breaking, UsedToken), (difference.Class, difference.Actual));
    }

    [Fact]
    public async Task A_token_endpoint_moved_is_breaking()
    {
        var difference = await OnlyDifference(Contract(ClientCredentials), Contract(ClientCredentials.Replace("/oauth/token", "/v2/token", StringComparison.Ordinal)));

        Assert.Equal((DifferenceClass.Breaking, UsedToken, "oauth2 (client credentials from https://auth.example.com/v2/token)"), (difference.Class, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_scope_added_to_the_alternative_the_SDK_uses_is_breaking()
    {
        var difference = await OnlyDifference(Contract(ClientCredentials, "  - tokens: [sites:read]\n"), Contract(ClientCredentials, "  - tokens: [sites:read, sites:write]\n"));

        Assert.Equal((DifferenceClass.Breaking, UsedToken + " with scopes sites:read", UsedToken + " with scopes sites:read, sites:write"), (difference.Class, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_scope_no_longer_required_is_additive()
    {
        var difference = await OnlyDifference(Contract(ClientCredentials, "  - tokens: [sites:read, sites:write]\n"), Contract(ClientCredentials, "  - tokens: [sites:read]\n"));

        Assert.Equal(DifferenceClass.Additive, difference.Class);
    }

    [Fact]
    public async Task A_new_alternative_beside_the_one_the_SDK_uses_is_additive()
    {
        var difference = await OnlyDifference(Contract(ClientCredentials + ApiKey), Contract(ClientCredentials + ApiKey, "  - tokens: []\n  - apiKey: []\n"));

        Assert.Equal((DifferenceClass.Additive, UsedToken, "apiKey in header X-Api-Key or " + UsedToken), (difference.Class, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_scheme_required_beside_the_one_the_SDK_uses_is_breaking()
    {
        // Both in one alternative: the SDK sends no API key.
        var difference = await OnlyDifference(Contract(ClientCredentials + ApiKey), Contract(ClientCredentials + ApiKey, "  - tokens: []\n    apiKey: []\n"));

        Assert.Equal((DifferenceClass.Breaking, "apiKey in header X-Api-Key + " + UsedToken), (difference.Class, difference.Actual));
    }

    [Fact]
    public async Task An_alternative_the_SDK_cannot_use_removed_is_info()
    {
        var difference = await OnlyDifference(Contract(ClientCredentials + ApiKey, "  - tokens: []\n  - apiKey: []\n"), Contract(ClientCredentials + ApiKey));

        Assert.Equal(DifferenceClass.Info, difference.Class);
    }

    [Theory]
    [InlineData("      type: openIdConnect\n      openIdConnectUrl: https://auth.example.com/.well-known/openid-configuration\n", "openIdConnect https://auth.example.com/.well-known/openid-configuration")]
    [InlineData("      type: http\n      scheme: bearer\n", "http bearer")]
    public async Task A_scheme_of_another_type_is_breaking(string changed, string actual)
    {
        var difference = await OnlyDifference(Contract(ClientCredentials), Contract(changed));

        Assert.Equal((DifferenceClass.Breaking, UsedToken, actual), (difference.Class, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task The_scheme_the_SDK_uses_gone_from_the_document_is_breaking()
    {
        var removed = Contract(ClientCredentials).Replace("    tokens:\n", "    partnerTokens:\n", StringComparison.Ordinal);

        var difference = await OnlyDifference(Contract(ClientCredentials), removed);

        Assert.Equal((DifferenceClass.Breaking, "undefined scheme tokens"), (difference.Class, difference.Actual));
    }

    [Theory]
    [InlineData("  - tokens: []\n  - {}\n", "none or " + UsedToken)]
    [InlineData("  []\n", "none")]
    public async Task Anonymous_access_allowed_is_additive(string security, string actual)
    {
        var difference = await OnlyDifference(Contract(ClientCredentials), Contract(ClientCredentials, security));

        Assert.Equal((DifferenceClass.Additive, UsedToken, actual), (difference.Class, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task An_operations_own_security_overrides_the_documents()
    {
        var overridden = Contract(ClientCredentials + ApiKey).Replace("      operationId: listSites\n", "      operationId: listSites\n      security:\n        - apiKey: []\n", StringComparison.Ordinal);

        var difference = await OnlyDifference(Contract(ClientCredentials + ApiKey), overridden);

        Assert.Equal((DifferenceClass.Breaking, UsedToken, "apiKey in header X-Api-Key"), (difference.Class, difference.Expected, difference.Actual));
    }

    [Fact]
    public async Task A_renamed_scheme_with_its_flows_and_scopes_is_no_change()
    {
        var sdk = Contract(ClientCredentials, "  - tokens: [sites:read]\n");

        Assert.Empty(await Differences(sdk, sdk.Replace("tokens:", "partnerTokens:", StringComparison.Ordinal)));
    }

    /// <summary>A contract of one operation, listSites, whose only scheme is <c>tokens</c> (with <paramref name="schemes"/> after it) and whose <c>security</c> is <paramref name="security"/>.</summary>
    private static string Contract(string schemes, string security = "  - tokens: []\n")
        => $"openapi: 3.0.3\ninfo: {{title: Dentally NexGen API, version: '1'}}\nsecurity:\n{security}paths:\n  /sites:\n    get:\n      operationId: listSites\n      responses:\n        '200': {{description: ok}}\ncomponents:\n  securitySchemes:\n    tokens:\n{schemes}";

    private static async Task<ContractDifference> OnlyDifference(string sdk, string newer)
    {
        var difference = Assert.Single(await Differences(sdk, newer));
        Assert.Equal(("listSites", "security", "security-changed"), (difference.Operation, difference.Path, difference.Kind));
        return difference;
    }

    private static async Task<IReadOnlyList<ContractDifference>> Differences(string sdk, string newer)
        => new SpecComparer(await ContractDocument.ReadAsync(sdk, CancellationToken.None), await ContractDocument.ReadAsync(newer, CancellationToken.None)).Compare();
}
