using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// Options the client cannot work with are refused when the client is made, by the plain constructor
/// (<see cref="ArgumentException"/>) and by DI (<see cref="OptionsValidationException"/> at the first
/// resolution), each with a message naming the option, and never later at a call: no request goes out
/// and no token is fetched with them.
/// </summary>
public sealed class OptionsRefusedBeforeSendingTests
{
    public static TheoryData<string, Action<NexGenClientOptions>> InvalidOptions() => new()
    {
        { "NexGenClientOptions.BaseAddress must be an absolute URI", o => o.BaseAddress = new Uri("api.example.com", UriKind.Relative) },
        { "NexGenClientOptions.BaseAddress must use https", o => o.BaseAddress = new Uri("ftp://api.example.com/") },
        { "NexGenClientOptions.BaseAddress must use https", o => o.BaseAddress = new Uri("file:///srv/nexgen") },
        { "NexGenClientOptions.BaseAddress must use https", o => o.BaseAddress = new Uri("ws://localhost:4010") },
        { "NexGenClientOptions.BaseAddress must not have a query or fragment", o => o.BaseAddress = new Uri("https://api.example.com/?tenant=1") },
        { "NexGenClientOptions.BaseAddress must not have a query or fragment", o => o.BaseAddress = new Uri("https://api.example.com/#top") },
        { "NexGenClientOptions.OrganizationId is required", o => o.OrganizationId = null },
        { "NexGenClientOptions.PracticeId is required", o => o.PracticeId = string.Empty },
        { "NexGenClientOptions.OrganizationId must not have surrounding white space or characters other than printable ASCII", o => o.OrganizationId = "org\r\n" },
        { "NexGenClientOptions.PracticeId must not have surrounding white space or characters other than printable ASCII", o => o.PracticeId = "practice\u000142" },
        { "NexGenClientOptions.Token or NexGenClientOptions.TokenProvider is required", o => (o.Token, o.TokenProvider) = (" ", null) },
        { "NexGenClientOptions.Token must not contain white space", o => (o.Token, o.TokenProvider) = ("tok\r\nX-Evil: 1", null) },
        { "NexGenClientOptions.AttemptTimeout must be positive", o => o.AttemptTimeout = TimeSpan.FromSeconds(-1) },
        { "NexGenClientOptions.AttemptTimeout must be positive", o => o.AttemptTimeout = Timeout.InfiniteTimeSpan },
        { "NexGenClientOptions.OverallTimeout must be positive", o => o.OverallTimeout = TimeSpan.Zero },
        { "NexGenClientOptions.OverallTimeout must be positive", o => o.OverallTimeout = Timeout.InfiniteTimeSpan },
        { "NexGenClientOptions.MaxResponseBodySize must be between 1 byte and 1 GiB", o => o.MaxResponseBodySize = 0 },
        { "NexGenClientOptions.MaxResponseBodySize must be between 1 byte and 1 GiB", o => o.MaxResponseBodySize = -1 },
        { "NexGenClientOptions.MaxResponseBodySize must be between 1 byte and 1 GiB", o => o.MaxResponseBodySize = long.MaxValue },
        { "NexGenClientOptions.AppointmentTypeCacheDuration must be positive", o => o.AppointmentTypeCacheDuration = TimeSpan.Zero },
        { "NexGenClientOptions.Retry is required", o => o.Retry = null! },
        { "NexGenClientOptions.Retry.MaxRetries must be between 0 and 10", o => o.Retry.MaxRetries = 11 },
        { "NexGenClientOptions.Retry.MaxRetries must be between 0 and 10", o => o.Retry.MaxRetries = int.MinValue },
        { "NexGenClientOptions.Retry.BaseDelay must not be negative", o => o.Retry.BaseDelay = TimeSpan.FromTicks(-1) },
        { "NexGenClientOptions.Retry.IdempotencyKeyInUseDelay must not be negative", o => o.Retry.IdempotencyKeyInUseDelay = TimeSpan.FromSeconds(-1) },
        { "NexGenClientOptions.TimeProvider is required", o => o.TimeProvider = null! },

        // Found by this sweep: each of these made a client that failed later, at a call or a booking.
        { "NexGenClientOptions.Token must be visible ASCII characters", o => (o.Token, o.TokenProvider) = ("tok\u0001secret", null) },
        { "NexGenClientOptions.Token must be visible ASCII characters", o => (o.Token, o.TokenProvider) = ("tok_sécret", null) },
        { "NexGenClientOptions.PracticeId must not have surrounding white space or characters other than printable ASCII", o => o.PracticeId = "praxis_köln" },
        { "NexGenClientOptions.UserAgentSuffix must be at most 200 printable ASCII characters", o => o.UserAgentSuffix = "büro-booking/2.3" },
        { "NexGenClientOptions.BaseAddress must not hold user info", o => o.BaseAddress = new Uri("https://partner:s3cret@api.example.com/") },
        { "NexGenClientOptions.AttemptTimeout must be at least 10 ms", o => o.AttemptTimeout = TimeSpan.FromMilliseconds(1) },
        { "NexGenClientOptions.AttemptTimeout must be at most 24 hours", o => (o.AttemptTimeout, o.OverallTimeout) = (TimeSpan.FromDays(2), TimeSpan.FromDays(3)) },
        { "NexGenClientOptions.OverallTimeout must be at most 24 hours", o => o.OverallTimeout = TimeSpan.MaxValue },
        { "NexGenClientOptions.Retry.BaseDelay must be at most 24 hours", o => (o.Retry.BaseDelay, o.Retry.MaxDelay) = (TimeSpan.FromDays(2), TimeSpan.FromDays(2)) },
        { "NexGenClientOptions.Retry.MaxDelay must be at most 24 hours", o => o.Retry.MaxDelay = TimeSpan.MaxValue },
        { "NexGenClientOptions.AppointmentTypeCacheDuration must be at most 24 hours", o => o.AppointmentTypeCacheDuration = TimeSpan.MaxValue },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void The_plain_constructor_refuses_naming_the_option(string message, Action<NexGenClientOptions> breakIt)
    {
        var harness = new NothingSentHarness(breakIt);

        Assert.Contains(harness.Options.Validate(), failure => failure.StartsWith(message, StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => new NexGenClient(harness.Options, harness.Transport));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        harness.AssertNothingSent();
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Dependency_injection_refuses_at_the_first_resolution_naming_the_option(string message, Action<NexGenClientOptions> breakIt)
    {
        var harness = new NothingSentHarness();
        var services = new ServiceCollection();
        services.AddNexGenClient(options =>
            {
                var valid = harness.Options;
                (options.BaseAddress, options.OrganizationId, options.PracticeId, options.TokenProvider, options.TimeProvider) =
                    (valid.BaseAddress, valid.OrganizationId, valid.PracticeId, valid.TokenProvider, valid.TimeProvider);
                breakIt(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => harness.Transport);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<BookingWorkflow>());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        harness.AssertNothingSent();
    }

    public static TheoryData<string, Action<NexGenClientOptions>> OptionsAtTheirEdges() => new()
    {
        { "the shortest timeouts", o => o.AttemptTimeout = o.OverallTimeout = TimeSpan.FromMilliseconds(10) },
        { "the longest timeouts", o => o.AttemptTimeout = o.OverallTimeout = TimeSpan.FromDays(1) },
        { "a short attempt in a long call", o => (o.AttemptTimeout, o.OverallTimeout) = (TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1)) },
        { "no retries", o => o.Retry.MaxRetries = 0 },
        { "the most retries, the longest delays", o => (o.Retry.MaxRetries, o.Retry.BaseDelay, o.Retry.MaxDelay) = (10, TimeSpan.FromDays(1), TimeSpan.FromDays(1)) },
        { "no delay at all", o => (o.Retry.BaseDelay, o.Retry.MaxDelay, o.Retry.IdempotencyKeyInUseDelay) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero) },
        { "the smallest body limit", o => o.MaxResponseBodySize = 1 },
        { "the largest body limit", o => o.MaxResponseBodySize = 1024 * 1024 * 1024 },
        { "a day-long type cache", o => o.AppointmentTypeCacheDuration = TimeSpan.FromDays(1) },
        { "the longest user-agent suffix", o => o.UserAgentSuffix = new string('a', 200) },
        { "a static token of every visible ASCII character but none of white space", o => (o.Token, o.TokenProvider) = (new string(Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).ToArray()), null) },
        { "a gateway's own prefix", o => o.BaseAddress = new Uri("https://gateway.example.com/nexgen/") },
        { "http to a loopback host", o => o.BaseAddress = new Uri("http://127.0.0.1:5080/") },
        { "a partner's client naming no tenant", o => (o.OrganizationId, o.PracticeId) = (null, null) },
    };

    /// <summary>The reverse: options at the edges of what is allowed make a client that sends, the pipeline's own checks included.</summary>
    [Theory]
    [MemberData(nameof(OptionsAtTheirEdges))]
    public async Task Options_at_their_edges_make_a_client_that_sends(string edge, Action<NexGenClientOptions> setIt)
    {
        var harness = new NothingSentHarness(setIt);
        Assert.True(harness.Options.Validate().Count == 0, $"{edge}: {string.Join(" ", harness.Options.Validate())}");
        var client = harness.Options.OrganizationId is null ? harness.Client.ForPractice(SdkHarness.Org, SdkHarness.Practice) : harness.Client;

        // The 404 answer, or (over a 1-byte body limit) the transport's refusal of its body: the request went out.
        await Assert.ThrowsAnyAsync<NexGenApiException>(() => client.Sites.GetAsync(Guid.NewGuid()));

        Assert.Single(harness.Transport.Requests);
    }

    /// <summary>A cache made by hand takes the options' bounds: a longer time to live would overflow its freshness check at a later booking.</summary>
    [Fact]
    public void A_type_cache_made_by_hand_refuses_a_time_to_live_over_24_hours()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AppointmentTypeCache(TimeSpan.MaxValue));

        Assert.Equal("timeToLive", error.ParamName);
        Assert.Equal(TimeSpan.FromDays(1), new AppointmentTypeCache(TimeSpan.FromDays(1)).TimeToLive);
    }
}
