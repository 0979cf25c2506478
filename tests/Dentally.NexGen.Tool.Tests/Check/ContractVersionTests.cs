using Dentally.NexGen.ContractCheck;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>The contract version the check carries, asked for on its own.</summary>
public sealed class ContractVersionTests
{
    [Fact]
    public async Task The_version_is_the_carried_contract_s_info_version()
    {
        Assert.Equal("2026-01-01", await NexGenContractCheck.GetContractVersionAsync());
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_call_even_once_the_contract_is_read()
    {
        await NexGenContractCheck.GetContractVersionAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NexGenContractCheck.GetContractVersionAsync(new CancellationToken(canceled: true)));
    }
}
