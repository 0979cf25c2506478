using System.Globalization;

namespace Dentally.NexGen.Samples.PartnerSync;

/// <summary>One practice the partner books for: its organisation, its practice and the site to book at.</summary>
/// <param name="OrganizationId">The organisation (<c>/api/v1/{org_id}</c>).</param>
/// <param name="PracticeId">The practice (<c>X-Practice-Id</c>).</param>
/// <param name="LocationUuid">The site the booking is made at.</param>
public sealed record PracticeTarget(string OrganizationId, string PracticeId, Guid LocationUuid)
{
    /// <summary>Reads <c>ORG_ID/PRACTICE_ID/LOCATION_UUID</c>, the form of <c>--practice-target</c>.</summary>
    /// <param name="text">The option's value.</param>
    /// <returns>The target.</returns>
    public static PracticeTarget Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0 && Guid.TryParse(parts[2], CultureInfo.InvariantCulture, out var location)
            ? new PracticeTarget(parts[0], parts[1], location)
            : throw new ArgumentException($"--practice-target must look like ORG_ID/PRACTICE_ID/LOCATION_UUID, not '{text}'.", nameof(text));
    }
}
