using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

public sealed class OptionsValidationTests
{
    public static TheoryData<string, Action<NexGenClientOptions>> InvalidOptions() => new()
    {
        { "NexGenClientOptions.BaseAddress is required", o => o.BaseAddress = null },
        { "NexGenClientOptions.BaseAddress must be an absolute URI", o => o.BaseAddress = new Uri("/api", UriKind.Relative) },
        { "NexGenClientOptions.BaseAddress must use https", o => o.BaseAddress = new Uri("http://api.example.com") },
        { "NexGenClientOptions.BaseAddress must not have a query", o => o.BaseAddress = new Uri("https://api.example.com/?x=1") },
        { "NexGenClientOptions.OrganizationId is required", o => o.OrganizationId = " " },
        { "NexGenClientOptions.PracticeId is required", o => o.PracticeId = null },
        { "NexGenClientOptions.PracticeId must not have surrounding white space", o => o.PracticeId = " practice_42" },
        { "NexGenClientOptions.Token or NexGenClientOptions.TokenProvider is required", o => o.Token = "" },
        { "NexGenClientOptions.Token must not contain white space", o => o.Token = "abc def" },
        { "NexGenClientOptions.Token must be the token alone, without the 'Bearer ' prefix", o => o.Token = "Bearer " + SdkHarness.Token },
        { "NexGenClientOptions.Token is the scheme 'Bearer' alone, not a token", o => o.Token = "bearer" },
        { "NexGenClientOptions.AttemptTimeout must be positive", o => o.AttemptTimeout = TimeSpan.Zero },
        { "NexGenClientOptions.OverallTimeout must not be shorter than AttemptTimeout", o => o.OverallTimeout = TimeSpan.FromSeconds(1) },
        { "NexGenClientOptions.Retry.MaxRetries must be between 0 and 10", o => o.Retry.MaxRetries = -1 },
        { "NexGenClientOptions.Retry.MaxDelay must not be shorter than BaseDelay", o => o.Retry.MaxDelay = TimeSpan.FromTicks(1) },
        { "NexGenClientOptions.UserAgentSuffix must be at most 200 printable ASCII characters", o => o.UserAgentSuffix = "bad\nsuffix" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_fail_fast_naming_the_option(string expectedMessage, Action<NexGenClientOptions> breakIt)
    {
        var options = SdkHarness.NewOptions("https://api.example.com");
        breakIt(options);

        Assert.Contains(options.Validate(), message => message.StartsWith(expectedMessage, StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => new NexGenClient(options));
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SdkHarness.Token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:4010")]
    [InlineData("http://127.0.0.1:8080/nexgen")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://api.example.com")]
    public void Https_or_a_loopback_host_is_accepted(string url)
    {
        Assert.Empty(SdkHarness.NewOptions(url).Validate());
    }

    [Fact]
    public void A_token_provider_replaces_the_static_token()
    {
        var options = SdkHarness.NewOptions("https://api.example.com");
        options.Token = null;
        options.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => new ValueTask<string>("t"));

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void ToString_never_shows_the_token()
    {
        var options = SdkHarness.NewOptions("https://api.example.com");

        Assert.DoesNotContain(SdkHarness.Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SdkHarness.Token, NexGenTokenProviders.Static(SdkHarness.Token).ToString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_never_shows_a_password_or_key_in_the_base_address()
    {
        // Refused by validation, but an app may log its options before they are validated.
        var options = SdkHarness.NewOptions("https://partner:pa55word@api.example.com/nexgen/?api_key=k3y");

        Assert.Contains("BaseAddress = https://api.example.com/nexgen/?…,", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", options.ToString(), StringComparison.Ordinal);
    }
}
