using System.Text.RegularExpressions;

namespace Dentally.NexGen.Client.Tests.Architecture;

/// <summary>
/// The client reads the contract's numbers from spec/openapi.yaml when it is built (ContractNumbers, in
/// obj/), so no integer written in its source, messages included, may equal one of them. An integer that
/// equals one by coincidence is left alone only where its kind is plain from the code around it: an HTTP
/// status where the line or the switch names a status, a duration given to <c>TimeSpan.From…</c>, a log
/// event id, and the SDK's own bounds listed below, each with why it is not the contract's.
/// </summary>
public sealed partial class ClientContractNumbersTests
{
    private static readonly string[] OwnBounds =
    [
        // How much of a server's message about a reference field a message repeats: not page_size's maximum.
        "public const int MaxReferenceMessageLength = 100;",
        // The SDK's bound on a booking key (BookingRequest.IdempotencyKey); that its derived keys fit the
        // contract's Idempotency-Key length is BookingKeyTests' business. Not the patient query's maxLength.
        "public const int MaxLength = 200;",
        // The SDK's bound on NexGenClientOptions.UserAgentSuffix: not the patient query's maxLength.
        "private const int MaxUserAgentSuffixLength = 200;",
    ];

    [Fact]
    public void No_contract_limit_is_typed_into_the_client()
    {
        var copies = ContractNumberScan.Copies("Dentally.NexGen.Client", blankStringLiterals: false)
            .Where(copy => !IsStatus(copy.Found, copy.Lines) && !IsOwnDurationOrEventId(copy.Found) && !OwnBounds.Contains(copy.Found.Line.Trim()))
            .Select(copy => copy.Found.ToString())
            .ToList();

        Assert.True(copies.Count == 0, "Use the spec's numbers (ContractNumbers) instead:\n" + string.Join("\n", copies));
    }

    private static bool IsStatus(ContractNumberScan.Found found, IReadOnlyList<string> lines)
        => found.Value is >= 100 and <= 599
           && (NamesStatus(found.Line) || (found.Line.Contains("=>", StringComparison.Ordinal) && IsArmOfStatusSwitch(lines, found.LineNumber - 1)));

    // Walks up over the other arms to the switch's head: `response.StatusCode switch`.
    private static bool IsArmOfStatusSwitch(IReadOnlyList<string> lines, int arm)
    {
        for (var i = arm - 1; i >= 0; i--)
        {
            var line = lines[i].Trim();
            if (line.EndsWith(" switch", StringComparison.Ordinal))
            {
                return NamesStatus(line);
            }

            if (line != "{" && !(line.Contains("=>", StringComparison.Ordinal) && line.EndsWith(',')))
            {
                return false;
            }
        }

        return false;
    }

    private static bool NamesStatus(string line) => line.Contains("status", StringComparison.OrdinalIgnoreCase);

    // A number of an x- member (getAvailability's window in days, the key's replay window in hours) may itself be a duration: never the SDK's own.
    private static bool IsOwnDurationOrEventId(ContractNumberScan.Found found)
    {
        if (found.SetBy.StartsWith("x-", StringComparison.Ordinal))
        {
            return false;
        }

        var before = found.Line[..found.Integer.Index].TrimEnd();
        return before.EndsWith("EventId =", StringComparison.Ordinal) || DurationArgument().IsMatch(before);
    }

    [GeneratedRegex(@"TimeSpan\.From\w+\($")]
    private static partial Regex DurationArgument();
}
