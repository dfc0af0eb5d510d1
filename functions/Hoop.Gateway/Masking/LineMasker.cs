using System.Text;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Masks text line by line, carrying what spans lines: a PEM private key block (every line from BEGIN to END is masked),
/// a YAML Secret's <c>data:</c> / <c>stringData:</c> block (values masked, keys kept; masked when the document's kind is
/// Secret or not yet known, since <c>kubectl -o yaml</c> prints <c>data</c> before <c>kind</c>), and a block scalar under
/// a secret key (<c>password: |</c>). A line that is JSON (a structured log, JSON in a string) is masked as JSON.
/// </summary>
internal sealed class LineMasker
{
    private const int NotInBlock = -1;

    private readonly MaskingEngine _engine;
    private readonly MaskFormatter _formatter;
    private readonly int _embedLevel;
    private readonly SpanList _spans = new();
    private readonly Dictionary<int, bool> _kindSecretAtIndent = [];
    private bool _inPrivateKey;
    private int _dataIndent = NotInBlock;
    private int _blockIndent = NotInBlock;

    public LineMasker(MaskingEngine engine, MaskFormatter formatter, int embedLevel)
    {
        _engine = engine;
        _formatter = formatter;
        _embedLevel = embedLevel;
    }

    /// <summary>Forgets the state carried between lines (a new value).</summary>
    public void Reset()
    {
        _inPrivateKey = false;
        _dataIndent = NotInBlock;
        _blockIndent = NotInBlock;
        _kindSecretAtIndent.Clear();
    }

    /// <summary>Masks a text that may hold several lines; <see langword="null"/> when nothing was masked.</summary>
    public string? MaskText(ReadOnlySpan<char> text)
    {
        Reset();
        if (text.IndexOf('\n') < 0)
        {
            return MaskLine(text);
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[' && TryMaskJson(text, out var json))
        {
            return json;
        }

        StringBuilder? result = null;
        var offset = 0;
        while (offset <= text.Length)
        {
            var newline = text[offset..].IndexOf('\n');
            var end = newline < 0 ? text.Length : offset + newline;
            var masked = MaskLine(text[offset..end]);
            if (masked is not null)
            {
                result ??= new StringBuilder(text.Length + 16).Append(text[..offset]);
                result.Append(masked);
            }
            else
            {
                result?.Append(text[offset..end]);
            }

            if (newline < 0)
            {
                break;
            }

            result?.Append('\n');
            offset = end + 1;
        }

        return result?.ToString();
    }

    /// <summary>Masks one line (no line break); <see langword="null"/> when nothing was masked.</summary>
    public string? MaskLine(ReadOnlySpan<char> line)
    {
        _spans.Clear();
        if (_inPrivateKey)
        {
            var end = line.IndexOf("-----END", StringComparison.Ordinal);
            if (end < 0)
            {
                return line.Trim().Length == 0 ? null : MaskToken.Text;
            }

            _inPrivateKey = false;
            var body = line[..end].Trim();
            return body.Length == 0 ? null : MaskToken.Text + line[end..].ToString();
        }

        var indent = Indent(line);
        if (_blockIndent != NotInBlock)
        {
            if (line.Trim().Length == 0)
            {
                return null;
            }

            if (indent > _blockIndent)
            {
                return line[..indent].ToString() + MaskToken.Text;
            }

            _blockIndent = NotInBlock;
        }

        var options = _engine.Options;
        var trimmed = line.TrimStart();
        if (_dataIndent != NotInBlock && trimmed.Length > 0)
        {
            if (indent > _dataIndent)
            {
                return MaskDataLine(line, indent);
            }

            _dataIndent = NotInBlock;
        }

        var dashes = line.IndexOf("---", StringComparison.Ordinal);
        if (dashes >= 0 && trimmed.StartsWith("---", StringComparison.Ordinal))
        {
            _kindSecretAtIndent.Clear();
        }
        else if (line.Contains(':'))
        {
            TrackYaml(line, indent);
        }

        if (options.Rules.EmbeddedJson && _embedLevel < MaskingEngine.MaxEmbedLevel && trimmed.Length > 1)
        {
            if (trimmed[0] is '{' or '[' && TryMaskJson(line, out var json))
            {
                return json;
            }

            var brace = line.IndexOf('{');
            if (brace > 0)
            {
                brace = line.IndexOf("{\"", StringComparison.Ordinal);
                if (brace > 0 && line.TrimEnd()[^1] == '}' && TryMaskJson(line[brace..], out var tail))
                {
                    return tail is null ? null : line[..brace].ToString() + tail;
                }
            }
        }

        if (options.Rules.Credentials && dashes >= 0)
        {
            var begin = line.IndexOf("-----BEGIN", StringComparison.Ordinal);
            if (begin >= 0)
            {
                var header = line[begin..].IndexOf("PRIVATE KEY-----", StringComparison.Ordinal);
                if (header >= 0)
                {
                    var bodyStart = begin + header + "PRIVATE KEY-----".Length;
                    var end = line[bodyStart..].IndexOf("-----END", StringComparison.Ordinal);
                    if (end < 0)
                    {
                        _inPrivateKey = true;
                        end = line.Length - bodyStart;
                    }

                    _spans.TryAdd(new MaskSpan(bodyStart, end, MaskKind.Credential));
                }
            }
        }

        _engine.Scanner.Scan(line, _spans);
        if (options.Rules.FieldNames && line.Length > 2 && line[^1] is '|' or '>' or '-' or '+' or ' ' && IsSecretBlockScalar(line, trimmed))
        {
            _blockIndent = indent;
        }

        return Apply(line);
    }

    /// <summary>Inside a Secret's <c>data:</c> block: <c>key: value</c> keeps the key, masks the value.</summary>
    private string? MaskDataLine(ReadOnlySpan<char> line, int indent)
    {
        var content = line[indent..];
        var colon = content.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            if (content.EndsWith(':'))
            {
                return null;
            }

            return line[..indent].ToString() + MaskToken.Text;
        }

        var value = content[(colon + 2)..].Trim();
        if (value.Length == 0 || MaskToken.IsToken(value))
        {
            return null;
        }

        if (value[0] is '|' or '>')
        {
            _blockIndent = indent;
            return null;
        }

        return line[..(indent + colon + 2)].ToString() + MaskToken.Text;
    }

    /// <summary>Remembers <c>kind:</c> per indentation and enters a <c>data:</c> block of a Secret (or of an unknown kind).</summary>
    private void TrackYaml(ReadOnlySpan<char> line, int indent)
    {
        // A new list item or a shallower key starts another object: deeper kinds no longer apply.
        if (_kindSecretAtIndent.Count > 0)
        {
            var listItem = line.TrimStart().StartsWith("- ", StringComparison.Ordinal);
            foreach (var key in _kindSecretAtIndent.Keys.Where(k => k > indent || (k == indent && listItem)).ToList())
            {
                _kindSecretAtIndent.Remove(key);
            }
        }

        var content = line[indent..];
        if (content.StartsWith("kind:", StringComparison.Ordinal))
        {
            _kindSecretAtIndent[indent] = content[5..].Trim().Trim('"').SequenceEqual("Secret");
            return;
        }

        if (_engine.Options.Rules.Secrets && (content.SequenceEqual("data:") || content.SequenceEqual("stringData:")))
        {
            if (!_kindSecretAtIndent.TryGetValue(indent, out var secret) || secret)
            {
                _dataIndent = indent;
            }
        }
    }

    private bool IsSecretBlockScalar(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length < 3)
        {
            return false;
        }

        var end = trimmed.TrimEnd();
        if (!(end.EndsWith(": |", StringComparison.Ordinal) || end.EndsWith(": >", StringComparison.Ordinal)
            || end.EndsWith(": |-", StringComparison.Ordinal) || end.EndsWith(": >-", StringComparison.Ordinal)
            || end.EndsWith(": |+", StringComparison.Ordinal)))
        {
            return false;
        }

        var key = end[..end.LastIndexOf(':')].TrimStart('-').Trim().Trim('"');
        return key.Length > 0 && _engine.Scanner.Names.IsSecret(key) && line.Length > 0;
    }

    private bool TryMaskJson(ReadOnlySpan<char> text, out string? masked)
    {
        masked = null;
        var max = _engine.Options.MaxEmbeddedBytes;
        if (text.Length > max)
        {
            return false;
        }

        var utf8 = Encoding.UTF8.GetBytes(text.ToString());
        var result = JsonMasker.MaskDocument(_engine, _formatter, utf8, _embedLevel + 1, out var valid);
        if (!valid)
        {
            return false;
        }

        masked = result is null ? null : Encoding.UTF8.GetString(result);
        return true;
    }

    private string? Apply(ReadOnlySpan<char> line)
    {
        if (_spans.Count == 0)
        {
            return null;
        }

        _spans.Sort();
        var result = new StringBuilder(line.Length + 16);
        var at = 0;
        for (var i = 0; i < _spans.Count; i++)
        {
            var span = _spans[i];
            result.Append(line[at..span.Start]);
            result.Append(_formatter.Replacement(line.Slice(span.Start, span.Length), span.Kind, span.Style));
            at = span.End;
        }

        result.Append(line[at..]);
        return result.ToString();
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        // "- key: value": the key's indentation is after the list dash.
        if (i + 1 < line.Length && line[i] == '-' && line[i + 1] == ' ')
        {
            i += 2;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }
        }

        return i;
    }
}
