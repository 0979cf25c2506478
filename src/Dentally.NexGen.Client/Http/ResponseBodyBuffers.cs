using Microsoft.IO;

namespace Dentally.NexGen.Client;

/// <summary>
/// The pool the response bodies of one pipeline are read into (Microsoft.IO.RecyclableMemoryStream).
/// Under load every response is read into memory inside its attempt; drawn from a pool, those buffers
/// cost the garbage collector nothing. A block holds a typical body whole, so reading it back needs
/// no copy; what the pool keeps while idle is bounded.
/// </summary>
internal static class ResponseBodyBuffers
{
    /// <summary>Larger than the contract's usual bodies (a page of 100 patients is about 25 KB).</summary>
    private const int BlockSize = 32 * 1024;

    private const int LargeBufferMultiple = 64 * 1024;

    /// <summary>The idle memory the pool may keep, per kind of buffer.</summary>
    private const long MaxIdleBytes = 4 * 1024 * 1024;

    public static RecyclableMemoryStreamManager Create() => new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = BlockSize,
        LargeBufferMultiple = LargeBufferMultiple,
        // A body longer than a block is joined once into a buffer rounded up to 64 KB (not to a power
        // of two), and its blocks go back to the pool at once: it is held about once, not three times.
        AggressiveBufferReturn = true,
        MaximumBufferSize = LargeBufferMultiple << 6,
        MaximumSmallPoolFreeBytes = MaxIdleBytes,
        MaximumLargePoolFreeBytes = MaxIdleBytes,
    });
}
