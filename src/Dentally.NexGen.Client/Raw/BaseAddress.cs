namespace Dentally.NexGen.Client;

/// <summary>Normalises the API base address so relative operation paths resolve below it.</summary>
internal static class BaseAddress
{
    // An app talks to one API, so the last address normalised is nearly always the next one asked
    // for: remembering it spares a Uri parse on every request and every DI resolution.
    private static Normalized? s_last;

    /// <summary>The normalised form of <paramref name="baseAddress"/>, from the one-entry cache when it matches.</summary>
    public static Normalized Resolve(Uri? baseAddress)
    {
        var last = s_last;
        if (last is not null && baseAddress is not null && last.Matches(baseAddress))
        {
            return last;
        }

        var uri = Normalize(baseAddress);
        last = new Normalized(baseAddress!, uri);
        s_last = last;
        return last;
    }

    private static Uri Normalize(Uri? baseAddress)
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

    /// <summary>An address as given and its normalised form (absolute, ending with a slash, no query or fragment).</summary>
    internal sealed class Normalized
    {
        private readonly Uri _given;

        public Normalized(Uri given, Uri uri)
        {
            _given = given;
            Uri = uri;
            AbsoluteUri = uri.AbsoluteUri;
        }

        public Uri Uri { get; }

        /// <summary><see cref="Uri"/> as text, the prefix of every request URL.</summary>
        public string AbsoluteUri { get; }

        /// <summary>Whether <paramref name="address"/> is the given address or its normalised form (Uri instances are immutable).</summary>
        public bool Matches(Uri address)
            => ReferenceEquals(address, _given) || ReferenceEquals(address, Uri)
               || string.Equals(address.OriginalString, _given.OriginalString, StringComparison.Ordinal);
    }
}
