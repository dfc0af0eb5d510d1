namespace Hoop.Gateway.Masking;

/// <summary>Character tests shared by the scanners (ASCII only: the formats they look for are ASCII).</summary>
internal static class CharClass
{
    public static bool IsAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    public static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    public static bool IsBase64(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';

    public static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>Whether the value at <paramref name="index"/> starts a new token (not inside a word).</summary>
    public static bool StartsToken(ReadOnlySpan<char> text, int index) => index == 0 || !IsWord(text[index - 1]);

    /// <summary>Whether a token ending before <paramref name="end"/> ends there (not inside a word).</summary>
    public static bool EndsToken(ReadOnlySpan<char> text, int end) => end >= text.Length || !IsWord(text[end]);

    /// <summary>The end of the run of characters from <paramref name="start"/> that satisfy <paramref name="predicate"/>.</summary>
    public static int RunEnd(ReadOnlySpan<char> text, int start, Func<char, bool> predicate)
    {
        var i = start;
        while (i < text.Length && predicate(text[i]))
        {
            i++;
        }

        return i;
    }
}
