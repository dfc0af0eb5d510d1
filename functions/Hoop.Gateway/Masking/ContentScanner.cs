using System.Collections.Frozen;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Runs the content rules on one line of text, in priority order (credentials, field names, personal data, custom
/// patterns; the first rule to claim a range wins), then drops matches the policy's allow-list names.
/// </summary>
internal sealed class ContentScanner
{
    private readonly MaskingOptions _options;
    private readonly NumberScanner? _numbers;
    private readonly PersonalDataScanner _personal;
    private readonly CompiledPattern[] _patterns;
    private readonly FrozenSet<string> _allow;

    public ContentScanner(MaskingOptions options, SecretFieldNames names)
    {
        _options = options;
        Names = names;
        var rules = options.Rules;
        var phones = rules.Phone ? new PhoneNumberCheck(options.PhoneRegions.Count == 0 ? ["US"] : options.PhoneRegions) : null;
        _numbers = rules.Card || rules.Ssn || rules.Phone ? new NumberScanner(phones, rules.Card, rules.Ssn, options) : null;
        _personal = new PersonalDataScanner(options);
        _patterns = [.. options.Patterns.Select(CompiledPattern.Compile)];
        _allow = options.Allow.ToFrozenSet(StringComparer.Ordinal);
    }

    public SecretFieldNames Names { get; }

    /// <summary>Whether the policy added patterns (which may match anything, so the prefilters cannot skip a value).</summary>
    public bool HasCustomPatterns => _patterns.Length > 0;

    public MaskingOptions Options => _options;

    /// <summary>Adds the spans to mask in <paramref name="line"/> (one line: no line breaks) to <paramref name="spans"/>.</summary>
    public void Scan(ReadOnlySpan<char> line, SpanList spans)
    {
        if (line.Length < 5)
        {
            return;
        }

        var rules = _options.Rules;
        var before = spans.Count;
        if (rules.Credentials)
        {
            CredentialScanner.Scan(line, spans);
        }

        if (rules.FieldNames)
        {
            KeyValueScanner.Scan(line, Names, spans);
        }

        _numbers?.Scan(line, spans);
        _personal.Scan(line, spans);
        if (_patterns.Length > 0)
        {
            var text = line.ToString();
            foreach (var pattern in _patterns)
            {
                pattern.Scan(text, spans);
            }
        }

        if (_allow.Count > 0)
        {
            var lookup = _allow.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var i = spans.Count - 1; i >= before; i--)
            {
                var span = spans[i];
                if (span.Kind != MaskKind.FieldName && lookup.Contains(line.Slice(span.Start, span.Length)))
                {
                    spans.RemoveAt(i);
                }
            }
        }
    }
}
