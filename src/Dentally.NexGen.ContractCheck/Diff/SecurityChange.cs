namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// What a change of an operation's <c>security</c> means for the SDK, which sends one credential: the bearer
/// token its contract asks for. It breaks when an alternative the SDK may be calling with is no longer
/// accepted — its scheme gone or of another type, a flow its token provider may use removed or its token
/// endpoint moved, a scope added. It is additive when everything accepted before still is (an alternative or
/// a flow added, a scope dropped, anonymous access allowed), and info when only a way the SDK does not use went.
/// </summary>
internal static class SecurityChange
{
    /// <summary>The class of the change, or <see langword="null"/> when the two say the same.</summary>
    public static DifferenceClass? Classify(IReadOnlyList<SecurityAlternative> sdk, IReadOnlyList<SecurityAlternative> newer)
    {
        if (SecurityAlternatives.Describe(sdk) == SecurityAlternatives.Describe(newer))
        {
            return null;
        }

        // A contract with no bearer-only alternative (anonymous, say): the SDK may be calling by any of them.
        var usable = sdk.Where(a => a.IsUsableBySdk).ToList();
        var usedBySdk = usable.Count > 0 ? usable : sdk;
        if (!usedBySdk.All(StillAccepted))
        {
            return DifferenceClass.Breaking;
        }

        return sdk.All(StillAccepted) ? DifferenceClass.Additive : DifferenceClass.Info;

        bool StillAccepted(SecurityAlternative held) => newer.Any(alternative => alternative.IsMetBy(held));
    }
}
