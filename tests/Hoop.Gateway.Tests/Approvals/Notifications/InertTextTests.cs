using Hoop.Gateway.Approvals.Notifications;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

public class InertTextTests
{
    public static TheoryData<string> Hostile() =>
    [
        "http://evil.com/x",
        "https://evil.example.com/phish?a=1",
        "visit evil.com now",
        "www.evil.com",
        "[click](https://evil.com)",
        "<a href=\"http://evil.com\">x</a>",
        "mailto:boss@evil.com",
        "**urgent** _now_ `code` ~~gone~~",
        "{{DATE(2017-02-14T06:08:39Z, SHORT)}}",
        "![img](http://evil.com/p.png)",
        "ftp://files.evil.com",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Line_LinkOrMarkup_NoLinkPatternSurvivesAndTextIsKept(string value)
    {
        var inert = InertText.Line(value);

        Assert.DoesNotContain("://", inert, StringComparison.Ordinal);
        Assert.DoesNotContain("](", inert, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", inert, StringComparison.Ordinal);
        Assert.DoesNotContain("**", inert, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[A-Za-z0-9]\.[A-Za-z]", inert);
        Assert.DoesNotContain("<a", inert, StringComparison.Ordinal);
        Assert.Equal(value, inert.Replace(InertText.Breaker.ToString(), "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a\r\nSubject: x", "a\uFFFD\uFFFDSubject:\u200B x")]
    [InlineData("abc\u202Egnp.exe", "abc\uFFFDgnp.\u200Bexe")]
    [InlineData("tab\there", "tab here")]
    [InlineData("nul\0", "nul\uFFFD")]
    public void Line_ControlAndFormatCharacters_AreShownAsReplacement(string value, string expected)
        => Assert.Equal(expected, InertText.Line(value));

    [Fact]
    public void Header_LineBreaks_NeverSurvive()
    {
        var header = InertText.Header("web\r\nBcc: victim@evil.com\nX: y\u2028z\u0085w");

        Assert.DoesNotContain('\r', header);
        Assert.DoesNotContain('\n', header);
        Assert.DoesNotContain('\u2028', header);
        Assert.DoesNotContain('\u0085', header);
    }

    [Fact]
    public void Block_LineBreaks_AreKept()
        => Assert.Equal("a\nb", InertText.Block("a\r\nb"));

    [Fact]
    public void Line_LongValue_IsCutWithEllipsis()
    {
        var inert = InertText.Line(new string('x', 600), maxChars: 500);

        Assert.Equal(501, inert.Length);
        Assert.EndsWith("…", inert, StringComparison.Ordinal);
    }
}
