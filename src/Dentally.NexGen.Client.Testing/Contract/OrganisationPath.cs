namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>The organisation a path names: the segment after <c>/api/v1/</c>.</summary>
internal static class OrganisationPath
{
    private const string Prefix = "/api/v1/";

    /// <summary>The <c>{org_id}</c> segment (possibly empty), or <see langword="null"/> for a path outside <c>/api/v1/</c>.</summary>
    public static string? IdOf(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest : rest[..slash];
    }
}
