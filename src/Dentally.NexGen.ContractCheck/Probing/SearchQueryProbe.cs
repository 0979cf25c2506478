using Dentally.NexGen.ContractCheck.Validation;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// Whether the server still searches patients by <c>query</c>: a search for a name no patient has must find no one.
/// A redesigned Patients surface that renamed the parameter, or ignores it, answers every patient — which the SDK
/// refuses in production (<c>query-ignored</c>), and which a booking by name would otherwise take for a match. A GET.
/// </summary>
internal static class SearchQueryProbe
{
    /// <summary>The parameter, where the SDK reports the same difference.</summary>
    public const string Path = Dentally.NexGen.Client.IgnoredQuery.Path;

    public static async Task RunAsync(CheckSession session, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(
            session.Request("searchPatients") with { Query = [new("query", NobodysName()), new("page_size", "5")], Note = "a name no patient has" },
            cancellationToken).ConfigureAwait(false);
        session.ExpectAccepted(answer);
        if (answer.IsSuccess && answer.Items.Count > 0)
        {
            session.Report("searchPatients", Path, DifferenceClass.Breaking, DifferenceKinds.QueryIgnored, "no patient for a name no patient has", "patients: the server ignored query, or takes it under another name", answer.RequestId);
        }
    }

    /// <summary>Letters only, as a name is, and made up for this run: "Zq" and twelve letters from a new Guid.</summary>
    private static string NobodysName()
        => "Zq" + new string(Guid.NewGuid().ToString("N")[..12].Select(c => (char)('a' + (Uri.FromHex(c) % 26))).ToArray());
}
