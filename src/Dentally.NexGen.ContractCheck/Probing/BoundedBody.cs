using System.Buffers;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// Reads an answer's body as text, never more than a limit: a server that streams without end (or declares a
/// length beyond the limit) is refused once the limit is passed, not read until memory runs out. Decoded as
/// the SDK decodes bodies (<c>ResponseText</c>).
/// </summary>
internal static class BoundedBody
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<string> ReadAsync(HttpContent content, long maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw tooLarge();
        }

        using var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw tooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Dentally.NexGen.Client.ResponseText.Decode(buffer.GetBuffer(), (int)buffer.Length);
    }
}
