namespace Hoop.Gateway.Requests;

/// <summary>
/// A port of the label selector <c>Lexer</c> in <c>k8s.io/apimachinery/pkg/labels/selector.go</c>.
/// </summary>
/// <remarks>
/// Go lexes bytes and treats a NUL byte as the end of input (<c>read()</c> returns 0 at the end); this works on
/// UTF-16 characters, which tokenises the same way because every special character is ASCII and everything else
/// (including non-ASCII) is identifier material.
/// </remarks>
internal sealed class LabelSelectorLexer(string s)
{
    private readonly string _s = s;
    private int _pos;

    /// <summary>Go's <c>Lex</c>: the next token and its literal.</summary>
    public (LabelSelectorToken Token, string Literal) Lex()
    {
        var ch = SkipWhiteSpaces(Read());
        if (ch == '\0')
        {
            return (LabelSelectorToken.EndOfString, "");
        }

        Unread();
        return IsSpecialSymbol(ch) ? ScanSpecialSymbol() : ScanIdOrKeyword();
    }

    private static bool IsWhitespace(char ch) => ch is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecialSymbol(char ch) => ch is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    private static LabelSelectorToken? Keyword(string literal) => literal switch
    {
        ")" => LabelSelectorToken.ClosedPar,
        "," => LabelSelectorToken.Comma,
        "!" => LabelSelectorToken.DoesNotExist,
        "==" => LabelSelectorToken.DoubleEquals,
        "=" => LabelSelectorToken.EqualsSign,
        ">" => LabelSelectorToken.GreaterThan,
        "in" => LabelSelectorToken.In,
        "<" => LabelSelectorToken.LessThan,
        "!=" => LabelSelectorToken.NotEquals,
        "notin" => LabelSelectorToken.NotIn,
        "(" => LabelSelectorToken.OpenPar,
        _ => null,
    };

    private char Read()
    {
        if (_pos < _s.Length)
        {
            return _s[_pos++];
        }

        return '\0';
    }

    private void Unread() => _pos--;

    private char SkipWhiteSpaces(char ch)
    {
        while (IsWhitespace(ch))
        {
            ch = Read();
        }

        return ch;
    }

    private (LabelSelectorToken, string) ScanIdOrKeyword()
    {
        var start = _pos;
        var end = _pos;
        while (true)
        {
            var ch = Read();
            if (ch == '\0')
            {
                break;
            }

            if (IsSpecialSymbol(ch) || IsWhitespace(ch))
            {
                Unread();
                break;
            }

            end = _pos;
        }

        var literal = _s[start..end];
        return (Keyword(literal) ?? LabelSelectorToken.Identifier, literal);
    }

    private (LabelSelectorToken, string) ScanSpecialSymbol()
    {
        var start = _pos;
        LabelSelectorToken? last = null;
        var lastLiteral = "";
        while (true)
        {
            var ch = Read();
            if (ch == '\0')
            {
                break;
            }

            if (!IsSpecialSymbol(ch))
            {
                Unread();
                break;
            }

            var buffer = _s[start.._pos];
            if (Keyword(buffer) is { } token)
            {
                last = token;
                lastLiteral = buffer;
            }
            else if (last is not null)
            {
                Unread();
                break;
            }
        }

        return last is { } found ? (found, lastLiteral) : (LabelSelectorToken.Error, _s[start.._pos]);
    }
}
