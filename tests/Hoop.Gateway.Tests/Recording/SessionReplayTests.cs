using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Recording;

/// <summary>Replay prints recorded values inert: terminal escapes neutralised, HTML encoded.</summary>
public sealed class SessionReplayTests
{
    [Theory]
    [InlineData("\u001b]0;owned\u0007", "\\x1b]0;owned\\x07")]
    [InlineData("\u001b[2J\u001b[H", "\\x1b[2J\\x1b[H")]
    [InlineData("ok\u009b31m", "ok\\x9b31m")]
    [InlineData("file\u202etxt.exe", "file\\u202etxt.exe")]
    [InlineData("line\r\nnext", "line\\x0d\\x0anext")]
    [InlineData("plain text", "plain text")]
    public void Neutralize_ControlsAndBidi_AreShownNotActed(string recorded, string printed)
    {
        Assert.Equal(printed, TerminalText.Neutralize(recorded));
    }

    [Fact]
    public async Task Replay_RecordedEscapesAndMarkup_AreNeutralisedInTextAndEncodedInHtml()
    {
        await using var bed = await JournalTestBed.CreateAsync();
        var journal = bed.NewJournal();
        var session = JournalTestBed.NewSession(user: "mallory\u001b[31m<script>alert(1)</script>");
        var request = JournalTestBed.Request(session, "POST", "/api/v1/namespaces/default/configmaps", "{\"data\":{\"x\":\"\u001b]52;c;ZXZpbA==\u0007\"}}"u8.ToArray());
        await journal.RecordRequestAsync(request);
        await journal.RecordResponseAsync(new ResponseRecord { SessionId = session.Id, AuditId = request.AuditId, StatusCode = 500, Duration = TimeSpan.Zero, Error = "<img src=x onerror=alert(1)>\u001b[2J" });
        await journal.FlushAsync();
        var replay = new SessionReplay(bed.Reader());

        using var text = new StringWriter();
        Assert.True(await replay.WriteTextAsync(session.Id, text, withBodies: true) >= 2);
        using var html = new StringWriter();
        Assert.True(await replay.WriteHtmlAsync(session.Id, html));

        Assert.DoesNotContain('\u001b', text.ToString());
        Assert.DoesNotContain('\u0007', text.ToString());
        Assert.Contains("\\x1b]52;c;ZXZpbA==\\x07", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnknownSession_HasNoRows()
    {
        await using var bed = await JournalTestBed.CreateAsync();

        Assert.Equal(0, await new SessionReplay(bed.Reader()).WriteTextAsync("no-such-session", TextWriter.Null, withBodies: false));
        Assert.False(await new SessionReplay(bed.Reader()).WriteHtmlAsync("no-such-session", TextWriter.Null));
    }
}
