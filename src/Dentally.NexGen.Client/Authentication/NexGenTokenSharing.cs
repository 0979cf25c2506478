namespace Dentally.NexGen.Client;

/// <summary>
/// Which tenants one token of <see cref="NexGenTokenProviders.Cached"/> serves: what the identity
/// provider issues a token for. The API answers 403 where a token may not see a practice, so a token
/// may serve many.
/// </summary>
public enum NexGenTokenSharing
{
    /// <summary>A token per organisation and practice (the default).</summary>
    PerPractice = 0,

    /// <summary>A token per organisation, for all of its practices.</summary>
    PerOrganization = 1,

    /// <summary>One token for every organisation and practice: a partner's own credentials.</summary>
    PerPartner = 2,
}
