namespace Dentally.NexGen.Client;

/// <summary>Normalises the API base address so relative operation paths resolve below it.</summary>
internal static class BaseAddress
{
    /// <summary>
    /// <paramref name="baseAddress"/> without query or fragment and ending with a slash: resolved against
    /// <c>https://host/prefix</c> (no slash), a relative path would silently drop <c>prefix</c>.
    /// </summary>
    public static Uri Normalize(Uri? baseAddress)
    {
        if (baseAddress is null)
        {
            throw new InvalidOperationException(
                "HttpClient.BaseAddress is not set. Set it to the API's base address, e.g. https://api.example.com/.");
        }

        if (!baseAddress.IsAbsoluteUri)
        {
            throw new InvalidOperationException("HttpClient.BaseAddress must be an absolute URI.");
        }

        return IsNormalized(baseAddress) ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    /// <summary>Whether HttpClient can resolve relative paths against <paramref name="baseAddress"/> as it is.</summary>
    public static bool IsNormalized(Uri baseAddress)
        => baseAddress.IsAbsoluteUri && baseAddress.AbsolutePath[baseAddress.AbsolutePath.Length - 1] == '/'
           && string.IsNullOrEmpty(baseAddress.Query) && string.IsNullOrEmpty(baseAddress.Fragment);
}
