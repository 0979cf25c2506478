using System.Globalization;
using System.Net;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// A server's text (a problem's detail, its title) repeated in an exception's message is put on one line
/// and bounded: no character of it may forge or garble a log line (a NUL, a terminal's escape sequence, a
/// line separator, a bidi override), and the cut never leaves half of a surrogate pair. The properties keep
/// the server's text whole.
/// </summary>
public sealed class ProblemTextTests
{
    [Theory]
    [InlineData("\u0000")] // NUL: ends a C string, cuts a log line short in some sinks
    [InlineData("\u001b[2K\u001b[1A")] // a terminal's escape sequences: erase the line, move up
    [InlineData("\u0085")] // next line (a control character)
    [InlineData("\u2028")] // line separator
    [InlineData("\u2029")] // paragraph separator
    [InlineData("\u202E")] // right-to-left override: what follows reads reversed
    [InlineData("\u200B")] // zero-width space (a format character)
    [InlineData("\u007F")] // delete
    [InlineData("\U000E0041\U000E0042")] // tag characters (format characters past U+FFFF, surrogate pairs): text hidden from a reader
    public async Task A_problem_detail_holding_a_character_that_is_not_text_reaches_the_message_as_a_space(string notText)
    {
        var detail = "Slot taken" + notText + "forged line";
        using var transport = Answering422(detail, title: "Invalid" + notText + "request");
        var client = SdkHarness.ClientOver(transport, _ => { });

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Appointments.CreateAsync(Bodies.GuideAppointment()));

        Assert.Equal(detail, error.Problem!.Detail);
        Assert.Equal("Invalid" + notText + "request", error.Problem.Title);
        Assert.DoesNotContain(error.Message, IsNotText);
        // A sequence's printable rest ("[2K") stays, harmless without its escape.
        Assert.Contains("Slot taken ", error.Message, StringComparison.Ordinal);
        Assert.Contains("forged line", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_detail_cut_where_an_emoji_begins_keeps_no_half_of_it()
    {
        // 😀 is a surrogate pair; the cut to MaxDetailLength - 1 characters falls between its halves.
        var detail = new string('a', ProblemSummary.MaxDetailLength - 2) + "😀 and more text after the bound";
        using var transport = Answering422(detail, title: "Invalid");
        var client = SdkHarness.ClientOver(transport, _ => { });

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Appointments.CreateAsync(Bodies.GuideAppointment()));

        Assert.Equal(detail, error.Problem!.Detail);
        Assert.False(HasLoneSurrogate(error.Message), "a lone surrogate in: " + error.Message);
        Assert.Contains(new string('a', ProblemSummary.MaxDetailLength - 2) + "…", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab😀😀😀cd")]
    [InlineData("😀😀😀😀")]
    [InlineData("a😀\u0000😀b😀")]
    public void Text_cut_at_any_length_never_parts_a_surrogate_pair(string text)
    {
        for (var max = 1; max <= text.Length + 1; max++)
        {
            var line = ProblemSummary.OneLine(text, max);

            Assert.False(HasLoneSurrogate(line), $"a lone surrogate at max {max}: {line}");
            Assert.InRange(line.Length, 1, max);
        }
    }

    [Fact]
    public void A_lone_surrogate_in_the_servers_text_is_the_replacement_character()
        => Assert.Equal("a\uFFFDb\uFFFD", ProblemSummary.OneLine("a\uD83Db\uDE00"));

    private static ScriptedHandler Answering422(string detail, string title)
    {
        var json = "{\"type\":\"" + ProblemTypes.ValidationError + "\",\"title\":" + Newtonsoft.Json.JsonConvert.ToString(title)
            + ",\"status\":422,\"detail\":" + Newtonsoft.Json.JsonConvert.ToString(detail) + "}";
        return new ScriptedHandler().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.UnprocessableEntity)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/problem+json"),
        }));
    }

    private static bool IsNotText(char c)
        => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
