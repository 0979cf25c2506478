using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// A token the Authorization header cannot carry as it is (empty, with its 'Bearer ' scheme, with white
/// space or a character outside visible ASCII) is refused by the rule <see cref="NexGenClientOptions.Token"/>
/// has: by <see cref="NexGenTokenProviders.Static"/> when it is made, and, from any other provider, before
/// the request it was fetched for is sent. No message quotes the token.
/// </summary>
public sealed class UnusableTokenTests
{
    private const string Secret = "tok_SECRET";

    public static TheoryData<string, string> UnusableTokens() => new()
    {
        { string.Empty, "must not be empty" },
        { " ", "must not be empty" },
        { "Bearer " + Secret, "without the 'Bearer ' prefix" },
        { "Bearer", "is the scheme 'Bearer' alone, not a token" },
        { Secret + " 2", "must not contain white space" },
        { Secret + "\r\nX-Practice-Id: other", "must not contain white space" },
        { Secret + "\u0001", "must be visible ASCII characters" },
        { Secret + "é", "must be visible ASCII characters" },
    };

    [Theory]
    [MemberData(nameof(UnusableTokens))]
    public void A_static_provider_refuses_it_when_made(string token, string rule)
    {
        var error = Assert.Throws<ArgumentException>(() => NexGenTokenProviders.Static(token));

        Assert.Equal("token", error.ParamName);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnusableTokens))]
    public async Task From_any_other_provider_it_is_refused_before_the_request_is_sent(string token, string rule)
    {
        var harness = new NothingSentHarness(o => o.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => new ValueTask<string>(token)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.Sites.ListAsync());

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Transport.Requests);
    }
}
