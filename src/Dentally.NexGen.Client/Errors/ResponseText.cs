using System.Net.Http;
using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// A response body as text, decoded as UTF-8 (JSON's encoding, RFC 8259; a byte order mark is skipped)
/// whatever charset its <c>Content-Type</c> names, as the models are read. <c>ReadAsStringAsync</c> throws
/// on a charset the runtime does not know (<c>charset=utf8</c> is a common one), which would turn an
/// error answer into an <see cref="InvalidOperationException"/> instead of its typed exception.
/// </summary>
internal static class ResponseText
{
    public static async Task<string> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Bytes, not the content's stream: HttpContent hands out one stream, and a body may be read twice
        // (a 409's retry decision, then its exception).
#if NET5_0_OR_GREATER
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        var bytes = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        return Decode(bytes, bytes.Length);
    }

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="bytes"/> as text, as <see cref="ReadAsync"/> decodes a body.</summary>
    public static string Decode(byte[] bytes, int length)
    {
        var start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, length - start);
    }
}
