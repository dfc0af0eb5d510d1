using System.Buffers;
using System.Globalization;
using System.Text;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// Makes text that came from the agent inert wherever a notification shows it: a zero-width space (U+200B) follows every
/// character that links, markdown or markup are made of (<c>. : / @ [ ] ( ) &lt; &gt; * _ ` ~ { } # ! | \</c>), so
/// <c>evil.com</c>, <c>http://...</c>, <c>[text](url)</c> and <c>{{DATE(...)}}</c> are never recognised by Teams, a mail
/// client's auto-linker or a markdown renderer, while the approver still reads the exact characters (remove the U+200B and
/// the value is what the agent sent). Control and invisible formatting characters (line breaks in a one-line value,
/// bidirectional overrides) are shown as U+FFFD so nothing can hide or reorder what the approver reads.
/// </summary>
/// <remarks>HTML and JSON encoding still apply on top (e-mail HTML-encodes, the card is written by System.Text.Json).</remarks>
public static class InertText
{
    /// <summary>The character inserted after each link or markup character.</summary>
    public const char Breaker = '\u200B';

    /// <summary>Shown in place of control and formatting characters.</summary>
    public const char Replacement = '\uFFFD';

    private static readonly SearchValues<char> Special = SearchValues.Create(".:/@[]()<>*_`~{}#!|\\");

    /// <summary>A one-line value, inert, at most <paramref name="maxChars"/> characters before breaking (then cut with an ellipsis).</summary>
    public static string Line(string? value, int maxChars = 500) => Make(value, maxChars, multiline: false);

    /// <summary>A multi-line value (a body): line breaks kept, everything else as in <see cref="Line"/>.</summary>
    public static string Block(string? value, int maxChars = 4000) => Make(value, maxChars, multiline: true);

    /// <summary>A one-line value for a mail header (Subject): no line break can survive (no header injection), nothing links.</summary>
    public static string Header(string? value, int maxChars = 150) => Make(value, maxChars, multiline: false);

    private static string Make(string? value, int maxChars, bool multiline)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var source = value.Length > maxChars ? value[..maxChars] : value;
        var text = new StringBuilder(source.Length + 16);
        foreach (var rune in source.EnumerateRunes())
        {
            if (multiline && rune.Value == '\n')
            {
                text.Append('\n');
                continue;
            }

            if (multiline && rune.Value == '\r')
            {
                continue;
            }

            if (rune.Value == '\t')
            {
                text.Append(multiline ? "  " : " ");
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                text.Append(Replacement);
                continue;
            }

            text.Append(rune.ToString());
            if (rune.IsBmp && Special.Contains((char)rune.Value))
            {
                text.Append(Breaker);
            }
        }

        if (value.Length > maxChars)
        {
            text.Append('…');
        }

        return text.ToString();
    }
}
