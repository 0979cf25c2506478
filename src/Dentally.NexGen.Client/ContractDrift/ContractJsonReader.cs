using System.Globalization;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client;

/// <summary>
/// The reader of success bodies. Newtonsoft.Json reads a number or <c>true</c> where a model has a string, and a
/// quoted number or boolean where it has one, without a word; the contract allows neither. Such a value is still
/// read when it converts without loss (the text of the number as sent; <c>"60"</c> as 60; <c>"true"</c> and
/// <c>"false"</c> in any case, 1 and 0 as booleans) and recorded as drift of class info (<see cref="ContractDriftScope.RecordConverted"/>); one that
/// does not (<c>"60.5"</c> for an integer, 2 for a boolean) is a <see cref="JsonReaderException"/>, reported as a
/// contract violation. A value of the contract's own type costs one comparison more than before: a string's
/// quote is the reader's own (<see cref="JsonReader.QuoteChar"/>), and an integer or boolean is read as the token
/// it is, as <see cref="JsonReader"/>'s own typed reads do.
/// </summary>
internal sealed class ContractJsonReader(TextReader text) : JsonTextReader(text)
{
    /// <summary>
    /// The integers of most answers (pages, totals, durations), boxed once: reading an integer as its token boxes it
    /// as a long, and a new box for the int as well would cost every page an allocation per integer it holds.
    /// </summary>
    private static readonly object[] SmallIntegers = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    /// <summary>The read's scope, where a converted value is recorded; none outside a read of a success body.</summary>
    public ContractDriftScope? Scope { get; set; }

    public override string? ReadAsString()
    {
        // JsonTextReader sets the quote only for a quoted string: a number or a boolean read as text leaves this one.
        QuoteChar = '\0';
        var value = base.ReadAsString();
        if (QuoteChar == '\0' && TokenType == JsonToken.String)
        {
            Scope?.RecordConverted();
        }

        return value;
    }

    public override int? ReadAsInt32()
    {
        // JsonTextReader's own typed read takes "60" as 60 and leaves no trace of the quotes: the token is read as sent.
        switch (ReadValue())
        {
            case JsonToken.Integer when Value is long number and >= int.MinValue and <= int.MaxValue:
                return SetInteger((int)number);
            // As JsonTextReader's own read of a quoted integer: sign and surrounding spaces allowed.
            case JsonToken.String when int.TryParse((string)Value!, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                Scope?.RecordConverted();
                return SetInteger(number);
            case JsonToken.Null or JsonToken.EndArray or JsonToken.None:
                return null;
            default:
                throw Unreadable("an integer");
        }
    }

    public override bool? ReadAsBoolean()
    {
        switch (ReadValue())
        {
            case JsonToken.Boolean:
                return (bool)Value!;
            // As JsonTextReader's own read of a quoted boolean: "True" too.
            case JsonToken.String when bool.TryParse((string)Value!, out var flag):
                Scope?.RecordConverted();
                return SetBoolean(flag);
            case JsonToken.Integer when Value is long number and (0 or 1):
                Scope?.RecordConverted();
                return SetBoolean(number == 1);
            case JsonToken.Null or JsonToken.EndArray or JsonToken.None:
                return null;
            default:
                throw Unreadable("a boolean");
        }
    }

    /// <summary>
    /// The next token that is not a comment. The SDK's pipeline refuses a success body with a comment before this
    /// reader sees it (ResponseBodyHandler.EnsureOneJsonValue: System.Text.Json allows none), but a generated client
    /// made over an <see cref="System.Net.Http.HttpClient"/> of the caller's own reads through no such handler, and
    /// Newtonsoft.Json's own typed reads skip comments: so does this one, so those clients read what they read before.
    /// </summary>
    private JsonToken ReadValue()
    {
        while (Read() && TokenType == JsonToken.Comment)
        {
        }

        return TokenType;
    }

    /// <summary>Makes the value read the int a typed read leaves, without moving the reader's position in its array.</summary>
    private int SetInteger(int value)
    {
        SetToken(JsonToken.Integer, value is >= 0 and < 256 ? SmallIntegers[value] : value, updateIndex: false);
        return value;
    }

    private bool SetBoolean(bool value)
    {
        SetToken(JsonToken.Boolean, value, updateIndex: false);
        return value;
    }

    // The path only: the value may be a patient's.
    private JsonReaderException Unreadable(string expected)
        => new($"'{Path}' is not {expected}.");
}
