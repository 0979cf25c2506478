#if NET5_0_OR_GREATER
using System.Buffers;
using System.Net;
using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// A success body held in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, given back when the
/// response (and so this content) is disposed. The generated code reads the body inside its
/// <c>using</c> of the response, so the buffer is never read after it is returned.
/// </summary>
/// <remarks>
/// <see cref="HttpContent.LoadIntoBufferAsync()"/> allocates a new array of the body's size for every
/// response: for a page of patients that was most of what the SDK allocated over the floor, which
/// reads the body straight from the socket (docs/performance.md).
/// </remarks>
internal sealed class PooledBodyContent : HttpContent
{
    private byte[]? _buffer;

    private PooledBodyContent(byte[] buffer, int length, HttpContent original)
    {
        _buffer = buffer;
        Length = length;
        foreach (var header in original.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    public int Length { get; }

    /// <summary>The body's bytes; valid until the content is disposed.</summary>
    public ReadOnlySpan<byte> Body => Buffer.AsSpan(0, Length);

    /// <summary>The body already read as the request's documented type (<see cref="JsonResponseRequest{T}"/>), or <see langword="null"/>.</summary>
    public object? Value { get; set; }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBodyContent));

    /// <summary>
    /// Reads <paramref name="response"/>'s body to its end into a pooled buffer and puts it back as the
    /// response's content; the original content (and so the connection) is released.
    /// </summary>
    public static async Task<PooledBodyContent> ReplaceAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var declared = original.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and <= int.MaxValue ? (int)declared.Value : 4096);
        var length = 0;
        try
        {
            using (var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }

                    var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        var pooled = new PooledBodyContent(buffer, length, original);
        response.Content = pooled;
        original.Dispose();
        return pooled;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(Buffer, 0, Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(Buffer, 0, Length, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(CancellationToken.None));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new MemoryStream(Buffer, 0, Length, writable: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
#endif
