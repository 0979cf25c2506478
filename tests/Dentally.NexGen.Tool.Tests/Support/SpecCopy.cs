using Dentally.NexGen.ContractCheck.Contract;

namespace Dentally.NexGen.Tool.Tests.Support;

/// <summary>A copy of the SDK's contract (spec/openapi.yaml, as embedded) with one change made to its text.</summary>
internal static class SpecCopy
{
    public static string Original => EmbeddedContract.ReadText();

    /// <summary>The contract with the first <paramref name="old"/> after <paramref name="anchor"/> replaced; fails when it is not there.</summary>
    public static string With(string anchor, string old, string replacement)
    {
        var text = Original;
        var start = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{anchor}' is not in the contract.");
        var at = text.IndexOf(old, start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' is not in the contract after '{anchor}'.");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
