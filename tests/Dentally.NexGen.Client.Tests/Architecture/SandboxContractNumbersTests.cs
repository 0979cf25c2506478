namespace Dentally.NexGen.Client.Tests.Architecture;

/// <summary>
/// The sandbox reads the contract's numbers from spec/openapi.yaml (embedded in its assembly); a copy
/// typed into its source would silently disagree with the spec the day the spec changes. So no integer
/// written in the sandbox's code may equal one of the limits it validates. HTTP statuses are written as
/// <c>StatusCodes</c> constants, and text in string literals (seed data such as "Suite 200") is not code.
/// </summary>
public sealed class SandboxContractNumbersTests
{
    // The sandbox's own bound on a patient's name, which the contract leaves open: not a copy of page_size's maximum.
    private const string NameBound = "private const int MaxNameLength = 100;";

    [Fact]
    public void No_contract_limit_is_typed_into_the_sandbox()
    {
        var copies = ContractNumberScan.Copies("Dentally.NexGen.Client.Testing", blankStringLiterals: true)
            .Where(copy => !copy.Found.Line.Contains(NameBound, StringComparison.Ordinal))
            .Select(copy => copy.Found.ToString())
            .ToList();

        Assert.True(copies.Count == 0, "Read these from the spec (ContractLimits) instead:\n" + string.Join("\n", copies));
    }

    [Fact]
    public void The_check_sees_the_limits_the_issue_named()
    {
        var limits = ContractNumberScan.Limits();

        Assert.Contains(2000L, limits.Keys);
        Assert.Contains(500L, limits.Keys);
        Assert.Contains(100L, limits.Keys);
        Assert.Contains(255L, limits.Keys);
        Assert.Contains(31L, limits.Keys);
        Assert.Contains(24L, limits.Keys);
    }
}
