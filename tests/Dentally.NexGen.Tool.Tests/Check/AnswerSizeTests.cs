using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>
/// A server that streams an answer without end (hostile, or a drifted one paging everything at once) must not
/// make the check read for ever or hold it all in memory: an answer larger than
/// <see cref="ContractCheckOptions.MaxResponseBodySize"/> ends the check with a clear reason, whatever the clock.
/// </summary>
public sealed class AnswerSizeTests
{
    private const long Limit = 64 * 1024;

    [Fact]
    public async Task An_answer_that_never_ends_stops_the_check_at_the_size_limit()
    {
        using var server = new EndlessBodyHandler();

        // The clock never moves: only the size can end the read.
        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(Options(server)).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal("The answer to listSites from https://api.example.com is larger than 65536 bytes (ContractCheckOptions.MaxResponseBodySize); the server may be sending without end.", refused.Message);
        Assert.InRange(server.Served, Limit, 4 * Limit);
    }

    [Fact]
    public async Task An_answer_declared_larger_than_the_limit_is_not_read_at_all()
    {
        using var server = new EndlessBodyHandler(declaredLength: 10L * 1024 * 1024 * 1024);

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(Options(server)).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("larger than 65536 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Served);
    }

    [Fact]
    public async Task An_answer_cut_off_mid_body_ends_the_check_with_a_reason_not_an_IOException()
    {
        using var server = new EndlessBodyHandler(cutAfter: 100);

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(Options(server)).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.StartsWith("The answer to listSites from https://api.example.com was cut off", refused.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(refused.InnerException);
    }

    [Fact]
    public async Task A_limit_that_is_not_positive_is_refused_before_any_request()
    {
        using var server = new EndlessBodyHandler();
        var options = Options(server);
        options.MaxResponseBodySize = 0;

        var refused = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        Assert.Equal("The contract check needs a positive MaxResponseBodySize.", refused.Message);
        Assert.Equal(0, server.Served);
    }

    private static ContractCheckOptions Options(EndlessBodyHandler server) => new()
    {
        BaseAddress = new Uri("https://api.example.com"),
        OrganizationId = "org_1",
        PracticeId = "practice_1",
        Token = "token",
        TimeProvider = GuideDay.NewClock(),
        HttpMessageHandler = server,
        MaxResponseBodySize = Limit,
    };
}
