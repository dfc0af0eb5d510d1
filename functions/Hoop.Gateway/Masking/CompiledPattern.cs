using System.Text.RegularExpressions;

namespace Hoop.Gateway.Masking;

/// <summary>A custom pattern ready to run: NonBacktracking (linear time) with a match timeout, behind its keyword prefilter.</summary>
internal sealed class CompiledPattern
{
    /// <summary>The most time one pattern may take on one value (NonBacktracking is linear; this bounds a loaded machine, not backtracking); a timeout masks the whole value.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;
    private readonly CustomPattern _pattern;

    private CompiledPattern(CustomPattern pattern, Regex regex)
    {
        _pattern = pattern;
        _regex = regex;
    }

    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="ArgumentException"/> with the reason when it is not usable.</summary>
    public static CompiledPattern Compile(CustomPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (string.IsNullOrEmpty(pattern.Pattern))
        {
            throw new ArgumentException($"masking pattern \"{pattern.Name}\" is empty");
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern.Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"masking pattern \"{pattern.Name}\" is not usable (backreferences, lookarounds and atomic groups are not supported): {ex.Message}", ex);
        }

        if (pattern.Group < 0 || pattern.Group > regex.GetGroupNumbers().Max())
        {
            throw new ArgumentException($"masking pattern \"{pattern.Name}\" has no group {pattern.Group}");
        }

        if (regex.IsMatch(""))
        {
            throw new ArgumentException($"masking pattern \"{pattern.Name}\" matches the empty string");
        }

        return new CompiledPattern(pattern, regex);
    }

    public void Scan(string text, SpanList spans)
    {
        if (_pattern.Keywords.Count > 0 && !_pattern.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        try
        {
            for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
            {
                var group = match.Groups[_pattern.Group];
                if (group.Success && group.Length > 0)
                {
                    spans.TryAdd(new MaskSpan(group.Index, group.Length, MaskKind.Custom, _pattern.Style));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Fail safe: a value that defeats the pattern's time budget is masked whole.
            spans.TryAdd(new MaskSpan(0, text.Length, MaskKind.Custom));
        }
    }
}
