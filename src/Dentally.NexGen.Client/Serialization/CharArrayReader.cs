#if NET5_0_OR_GREATER
using System.Buffers;
using System.Text;

namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// A <see cref="TextReader"/> over a UTF-8 body decoded once into an array rented from the pool, given
/// back on dispose: a <see cref="StreamReader"/> over a stream would allocate a byte and a character
/// buffer of its own for every body, and a <see cref="StringReader"/> a string of the body's size.
/// </summary>
internal sealed class CharArrayReader : TextReader
{
    private char[]? _chars;
    private readonly int _length;
    private int _position;

    private CharArrayReader(char[] chars, int length)
    {
        _chars = chars;
        _length = length;
    }

    private char[] Chars => _chars ?? throw new ObjectDisposedException(nameof(CharArrayReader));

    public static CharArrayReader Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        return new CharArrayReader(chars, Encoding.UTF8.GetChars(utf8, chars));
    }

    public override int Peek() => _position < _length ? Chars[_position] : -1;

    public override int Read() => _position < _length ? Chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var copied = Math.Min(count, _length - _position);
        Array.Copy(Chars, _position, buffer, index, copied);
        _position += copied;
        return copied;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _chars, null) is { } chars)
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        base.Dispose(disposing);
    }
}
#endif
