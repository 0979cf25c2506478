using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// A base address copied with the contract's own path (a curl line's <c>https://host/api/v1</c>) is
/// refused before any call, with the address to use: sent as it is, every path would be doubled and the
/// server's 403 for "organisation v1" would point at the wrong setting.
/// </summary>
public sealed class BaseAddressPathValidationTests
{
    /// <summary>Every path of the spec, and each of its leading parts, with its parameters filled in.</summary>
    public static TheoryData<string> ContractPathPrefixes()
    {
        var data = new TheoryData<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ContractSpec.Instance.Operations().Select(o => o.Path).Distinct(StringComparer.Ordinal))
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.StartsWith('{') ? (s == "{org_id}" ? "org_7f3c2a9e" : "c3d4e5f6-a7b8-9012-cdef-123456789012") : s)
                .ToArray();
            for (var length = 2; length <= segments.Length; length++)
            {
                var prefix = "/" + string.Join('/', segments.Take(length));
                if (seen.Add(prefix))
                {
                    data.Add(prefix);
                }
            }
        }

        data.Add("/v2");
        return data;
    }

    [Theory]
    [MemberData(nameof(ContractPathPrefixes))]
    public void A_base_address_holding_a_path_of_the_contract_is_refused_with_the_root_to_use(string path)
    {
        foreach (var trailing in new[] { "", "/" })
        {
            var options = SdkHarness.NewOptions("https://api.example.com" + path + trailing);

            var failure = Assert.Single(options.Validate(), m => m.StartsWith("NexGenClientOptions.BaseAddress", StringComparison.Ordinal));
            Assert.Contains("use 'https://api.example.com/' instead of 'https://api.example.com" + path + trailing + "'", failure, StringComparison.Ordinal);
            var error = Assert.Throws<ArgumentException>(() => new NexGenClient(options));
            Assert.Contains("use 'https://api.example.com/'", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://gateway.example.com/nexgen/api/v1", "https://gateway.example.com/nexgen/")]
    [InlineData("https://gateway.example.com/nexgen/api/v1/org_7f3c2a9e/patients", "https://gateway.example.com/nexgen/")]
    [InlineData("http://127.0.0.1:5080/API/V1", "http://127.0.0.1:5080/")]
    [InlineData("https://gateway.example.com/a/b/v2/sites", "https://gateway.example.com/a/b/")]
    public void A_gateways_own_prefix_is_kept_in_the_suggested_address(string given, string suggested)
    {
        var failure = Assert.Single(SdkHarness.NewOptions(given).Validate());

        Assert.Contains($"use '{suggested}' instead of", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void User_info_in_the_address_is_never_repeated_in_the_message()
    {
        var failure = Assert.Single(SdkHarness.NewOptions("https://user:secret-pass@api.example.com/api/v1").Validate());

        Assert.DoesNotContain("secret-pass", failure, StringComparison.Ordinal);
        Assert.Contains("use 'https://api.example.com/'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://gateway.example.com/nexgen/")]
    [InlineData("https://gateway.example.com/api/")]
    [InlineData("https://gateway.example.com/v1/")]
    [InlineData("https://gateway.example.com/v2/nexgen/")]
    [InlineData("https://gateway.example.com/apiv1/")]
    public void A_path_that_is_not_the_contracts_stays_allowed(string url)
    {
        Assert.Empty(SdkHarness.NewOptions(url).Validate());
    }
}
