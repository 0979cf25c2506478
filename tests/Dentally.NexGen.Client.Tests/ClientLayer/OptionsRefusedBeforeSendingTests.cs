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

    /// <summary>A cache made by hand takes the options' bounds: a longer time to live would overflow its freshness check at a later booking.</summary>
    [Fact]
    public void A_type_cache_made_by_hand_refuses_a_time_to_live_over_24_hours()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AppointmentTypeCache(TimeSpan.MaxValue));

        Assert.Equal("timeToLive", error.ParamName);
        Assert.Equal(TimeSpan.FromDays(1), new AppointmentTypeCache(TimeSpan.FromDays(1)).TimeToLive);
    }
}
