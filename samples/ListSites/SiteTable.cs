using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples.ListSites;

/// <summary>Renders sites as a plain-text table, one block per site.</summary>
internal static class SiteTable
{
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static void Write(IReadOnlyList<Site> sites, TextWriter output)
    {
        output.WriteLine($"{sites.Count} site(s)");
        foreach (var site in sites)
        {
            output.WriteLine();
            output.WriteLine($"{site.Name}{(site.IsActive ? string.Empty : " (inactive)")}  [{site.Uuid}]");
            Row(output, "Address", string.Join(", ", new[] { site.Address.Line1, site.Address.Line2, site.Address.Town, site.Address.County, site.Address.Postcode, site.Address.CountryCode }.Where(part => !string.IsNullOrWhiteSpace(part))));
            Row(output, "Phone", site.Contact.Phone);
            Row(output, "Email", site.Contact.Email);
            Row(output, "Website", site.Contact.Website?.ToString() ?? "—");
            Row(output, "Time zone", site.Timezone);
            foreach (var day in Days)
            {
                var hours = site.OpeningHours.Where(h => h.DayOfWeek == day).OrderBy(h => h.Opens, StringComparer.Ordinal).Select(h => $"{h.Opens}–{h.Closes}").ToList();
                Row(output, Capitalise(day), hours.Count == 0 ? "closed" : string.Join(", ", hours));
            }

            // Days the contract may add later are shown as sent rather than dropped.
            foreach (var other in site.OpeningHours.Where(h => !Days.Contains(h.DayOfWeek)))
            {
                Row(output, other.DayOfWeek, $"{other.Opens}–{other.Closes}");
            }
        }
    }

    private static void Row(TextWriter output, string label, string value) => output.WriteLine($"  {label,-10} {value}");

    private static string Capitalise(string day) => char.ToUpperInvariant(day[0]) + day[1..];
}
