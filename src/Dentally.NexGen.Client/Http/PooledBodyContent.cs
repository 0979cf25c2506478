using System.Net;
using System.Net.Http;
using Microsoft.IO;

namespace Dentally.NexGen.Client;

/// <summary>
/// A response body read into pooled memory: read as often as needed (a retry decision and then the
/// error reader may both read a 409), each read a view of the same bytes, which go back to the pool
/// when the response is disposed.
/// </summary>
internal sealed class PooledBodyContent : HttpContent
{
    private readonly RecyclableMemoryStream _body;

    public PooledBodyContent(RecyclableMemoryStream body, HttpContent original)
    {
        _body = body;
#if NET6_0_OR_GREATER
        // As received: enumerating the validated view would parse every value only to copy it.
        foreach (var header in original.Headers.NonValidated)
        {
            if (header.Value.Count == 1)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
#else
        foreach (var header in original.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#endif
    }

    /// <summary>The body's bytes, contiguous (a body larger than one block is joined once, in a pooled buffer).</summary>
    public ArraySegment<byte> Bytes => new(_body.GetBuffer(), 0, (int)_body.Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var bytes = Bytes;
        return stream.WriteAsync(bytes.Array!, bytes.Offset, bytes.Count);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(CreateReadStream());

#if NET5_0_OR_GREATER
    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => CreateReadStream();
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
        }

        base.Dispose(disposing);
    }

    private MemoryStream CreateReadStream()
    {
        var bytes = Bytes;
        return new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
    }
}
