namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// A <see cref="TextReader"/> over the first <c>length</c> characters of an array the caller owns:
/// <see cref="StringReader"/> without first copying the characters into a string.
/// </summary>
internal sealed class CharArrayReader : TextReader
{
    private readonly char[] _chars;
    private readonly int _length;
    private int _position;

    public CharArrayReader(char[] chars, int length)
    {
        _chars = chars;
        _length = length;
    }

    public override int Peek() => _position < _length ? _chars[_position] : -1;

    public override int Read() => _position < _length ? _chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var copied = Math.Min(count, _length - _position);
        Array.Copy(_chars, _position, buffer, index, copied);
        _position += copied;
        return copied;
    }
}
