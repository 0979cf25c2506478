namespace Dentally.NexGen.Client;

/// <summary>Normalises the API base address so relative operation paths resolve below it.</summary>
internal static class BaseAddress
{
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

        var text = baseAddress.GetLeftPart(UriPartial.Path);
        return text[text.Length - 1] == '/' ? new Uri(text) : new Uri(text + "/");
    }
}
