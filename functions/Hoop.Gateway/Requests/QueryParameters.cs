namespace Hoop.Gateway.Requests;

/// <summary>
/// A query string read exactly as Go's <c>net/url.ParseQuery</c> reads it, which is how the Kubernetes API server
/// reads every query parameter (<c>req.URL.Query()</c>, errors ignored).
/// </summary>
/// <remarks>
/// <para>The rules, in Go's order:</para>
/// <list type="bullet">
/// <item>more than <see cref="MaxParameters"/> parameters (counted as <c>&amp;</c> + 1): Go (1.24.12, 1.25.6 and later,
/// GODEBUG <c>urlmaxqueryparams</c>) returns an error and an EMPTY map, so the API server sees no parameter at all;</item>
/// <item>pairs are split on <c>&amp;</c>; a pair containing <c>;</c> is dropped (Go 1.17 and later);</item>
/// <item>an empty pair is skipped; a pair without <c>=</c> is a key with the value <c>""</c>;</item>
/// <item>key and value are decoded with Go's <c>QueryUnescape</c> (<c>+</c> is a space); a pair with an invalid escape is dropped;</item>
/// <item>keys are case-sensitive and keep their order; <see cref="Get"/> returns the first value, like <c>Values.Get</c>.</item>
/// </list>
/// <para>Go keeps bytes that are not valid UTF-8 in its strings; a .NET string cannot, so such keys and values hold U+FFFD
/// and <see cref="HasInvalidUtf8"/> is set: callers that must mirror the API server refuse such a query.</para>
/// </remarks>
internal sealed class QueryParameters
{
    /// <summary>Go's default limit on the number of query parameters (GODEBUG <c>urlmaxqueryparams=10000</c>).</summary>
    public const int MaxParameters = 10_000;

    private readonly KeyValuePair<string, string>[] _pairs;

    private QueryParameters(KeyValuePair<string, string>[] pairs, string[] droppedPairs, bool exceededParameterLimit, bool hasInvalidUtf8)
    {
        _pairs = pairs;
        DroppedPairs = droppedPairs;
        ExceededParameterLimit = exceededParameterLimit;
        HasInvalidUtf8 = hasInvalidUtf8;
    }

    /// <summary>A query without parameters.</summary>
    public static QueryParameters Empty { get; } = new([], [], exceededParameterLimit: false, hasInvalidUtf8: false);

    /// <summary>The decoded pairs Go keeps, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>Whether Go dropped anything: a pair with <c>;</c> or an invalid escape, or the whole query over the limit.</summary>
    public bool HadDroppedPairs => DroppedPairs.Count > 0 || ExceededParameterLimit;

    /// <summary>The raw (undecoded) pairs Go dropped for a <c>;</c> or an invalid escape, in order.</summary>
    public IReadOnlyList<string> DroppedPairs { get; }

    /// <summary>Whether the query has more than <see cref="MaxParameters"/> parameters, so Go read none of them.</summary>
    public bool ExceededParameterLimit { get; }

    /// <summary>Whether a kept key or value decoded to bytes that are not valid UTF-8.</summary>
    public bool HasInvalidUtf8 { get; }

    /// <summary>Whether there is no parameter at all (Go: <c>len(values) == 0</c>).</summary>
    public bool IsEmpty => _pairs.Length == 0;

    /// <summary>Parses a raw query string (without the leading <c>?</c>) by Go's rules.</summary>
    public static QueryParameters Parse(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        if (rawQuery.Length == 0)
        {
            return Empty;
        }

        var query = rawQuery.AsSpan();
        if (query.Count('&') + 1 > MaxParameters)
        {
            return new QueryParameters([], [], exceededParameterLimit: true, hasInvalidUtf8: false);
        }

        var pairs = new List<KeyValuePair<string, string>>();
        List<string>? dropped = null;
        var invalidUtf8 = false;
        while (!query.IsEmpty)
        {
            var amp = query.IndexOf('&');
            var pair = amp < 0 ? query : query[..amp];
            query = amp < 0 ? [] : query[(amp + 1)..];
            if (pair.Contains(';'))
            {
                (dropped ??= []).Add(pair.ToString());
                continue;
            }

            if (pair.IsEmpty)
            {
                continue;
            }

            var eq = pair.IndexOf('=');
            var rawKey = eq < 0 ? pair : pair[..eq];
            var rawValue = eq < 0 ? [] : pair[(eq + 1)..];
            var keyStatus = GoPercentDecoding.Unescape(rawKey, plusIsSpace: true, out var key);
            var valueStatus = GoUnescapeStatus.InvalidEscape;
            var value = "";
            if (keyStatus != GoUnescapeStatus.InvalidEscape)
            {
                valueStatus = GoPercentDecoding.Unescape(rawValue, plusIsSpace: true, out value);
            }

            if (valueStatus == GoUnescapeStatus.InvalidEscape)
            {
                (dropped ??= []).Add(pair.ToString());
                continue;
            }

            invalidUtf8 |= keyStatus == GoUnescapeStatus.InvalidUtf8 || valueStatus == GoUnescapeStatus.InvalidUtf8;
            pairs.Add(new KeyValuePair<string, string>(key, value));
        }

        return new QueryParameters([.. pairs], dropped is null ? [] : [.. dropped], exceededParameterLimit: false, invalidUtf8);
    }

    /// <summary>The first value of <paramref name="key"/>, or <see langword="null"/> when the key is absent (Go's <c>Values.Get</c> returns <c>""</c> for both).</summary>
    public string? Get(string key)
    {
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Every value of <paramref name="key"/>, in order (Go: <c>values[key]</c>).</summary>
    public IReadOnlyList<string> GetAll(string key)
    {
        List<string>? values = null;
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                (values ??= []).Add(pair.Value);
            }
        }

        return values is null ? [] : values;
    }

    /// <summary>Whether <paramref name="key"/> is present, even with an empty value (Go's <c>Values.Has</c>).</summary>
    public bool Contains(string key) => Get(key) is not null;
}
