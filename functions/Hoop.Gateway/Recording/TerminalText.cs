using System.Globalization;
using System.Text;

namespace Hoop.Gateway.Recording;

/// <summary>
/// Makes recorded text safe to print on a terminal: control characters (ESC and every other C0 / C1 control, DEL) and
/// bidirectional overrides are shown as escapes (<c>\x1b</c>, <c>\u202e</c>) instead of acting, so a recorded value
/// cannot move the cursor, recolour, retitle the window, or hide text from the person replaying a session.
/// </summary>
internal static class TerminalText
{
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (!value.Any(IsUnsafe))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (!IsUnsafe(c))
            {
                text.Append(c);
            }
            else if (c < 0x100)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return text.ToString();
    }

    /// <summary>Like <see cref="Neutralize"/> but keeps line breaks and tabs (for bodies printed as blocks).</summary>
    public static string NeutralizeBlock(string? value)
        => string.Join('\n', (value ?? "").Split('\n').Select(line => string.Join('\t', line.Split('\t').Select(Neutralize))));

    private static bool IsUnsafe(char c)
        => c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
}
