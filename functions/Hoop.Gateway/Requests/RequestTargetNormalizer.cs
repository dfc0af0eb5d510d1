using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Hoop.Gateway.Requests;

/// <summary>
/// Reads the raw HTTP request target (as received, before any web server normalisation) and refuses every target the
/// gateway and the Kubernetes API server could read differently. Invariant: for every target it accepts, the gateway's
/// reading (decoded path, query by Go's rules) is the only reading there is. See docs/security/request-normalisation.md.
/// </summary>
/// <remarks>
/// <para>Refused: a target that is not origin-form (absolute-form, <c>*</c>, empty); a fragment <c>#</c>; a backslash, raw
/// or as <c>%5C</c> in the path; control characters, raw or percent-encoded, anywhere; a raw space or raw non-ASCII
/// character (clients send these percent-encoded; a raw one depends on how the host decoded the request line); in the
/// path, a percent-encoded <c>/</c> or unreserved character (ALPHA DIGIT <c>- . _ ~</c>), a dot segment, an empty segment
/// (<c>//</c> or a trailing <c>/</c>); an invalid percent-escape; bytes that are not UTF-8 after decoding; more than
/// <see cref="QueryParameters.MaxParameters"/> query parameters; a significant query parameter
/// (<see cref="SignificantQueryParameters"/>) given twice (keys compared after decoding; except <c>command</c>, a list
/// whose values Go reads in order) or inside a pair with <c>;</c>.</para>
/// <para>Other percent-encoded bytes (<c>%3A</c>, <c>%25</c>, UTF-8 sequences...) are allowed and decoded into the path,
/// exactly as Go decodes them; the forwarder must send the raw target, not a re-encoding of the decoded path.</para>
/// <para>Fast by design (it runs per request): no regular expression, one scan of the path and one of the query, with
/// <see cref="SearchValues{T}"/> to skip the plain characters.</para>
/// </remarks>
internal static partial class RequestTargetNormalizer
{
    /// <summary>
    /// Query parameters whose value changes what the API server does with a request, how it classifies it, or what a
    /// policy would decide: the watch switch and list options (<c>ListOptions</c>), delete and write options
    /// (<c>DeleteOptions</c>, <c>CreateOptions</c>/<c>UpdateOptions</c>/<c>PatchOptions</c>), the exec/attach/log options,
    /// and <c>as</c> (a precaution named by the design: today's API server takes the Table form from <c>Accept</c>, not the
    /// query). Go reads only the first of duplicated values; other readers take the last or join them, so a duplicate is
    /// refused rather than guessed. <c>shardSelector</c> is the newest <c>ListOptions</c> field (apimachinery, 2026).
    /// </summary>
    public static readonly FrozenSet<string> SignificantQueryParameters = FrozenSet.Create(
        StringComparer.Ordinal,
        "watch", "fieldSelector", "labelSelector", "dryRun", "resourceVersion", "timeoutSeconds", "resourceVersionMatch",
        "sendInitialEvents", "allowWatchBookmarks", "limit", "continue", "shardSelector",
        "propagationPolicy", "gracePeriodSeconds", "orphanDependents",
        "fieldManager", "fieldValidation", "force",
        "container", "follow", "command", "stdin", "stdout", "stderr", "tty",
        "as");

    // Significant parameters whose repetition IS the encoding: PodExecOptions.Command is a []string, so
    // `kubectl exec p -- sh -c "echo hi"` sends command=sh&command=-c&command=echo+hi and Go reads every value, in
    // order (QueryParameters.GetAll reads them the same way). Refusing the repetition would turn every multi-word exec
    // into a misleading "ambiguous" 400 before policy could block it with its own rule. A ';' pair is still refused.
    private static readonly FrozenSet<string> ListValuedQueryParameters = FrozenSet.Create(StringComparer.Ordinal, "command");

    private const string InvalidEscape = "ambiguous request: the request target contains an invalid percent-escape ('%' must be followed by two hexadecimal digits)";
    private const string ControlCharacter = "ambiguous request: the request target contains a control character";
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    // Printable ASCII a path may hold raw: RFC 3986 pchar without '%', plus the characters Go's net/url takes as they
    // are ("<>[]^`{|}). Everything else ('/', '%', '#', '?', '\', space, controls, non-ASCII) gets a second look.
    private static readonly SearchValues<char> PlainPathChars = SearchValues.Create(Unreserved + "!$&'()*+,;=:@\"<>[]^`{|}");

    // The query may also hold '/' and '?' raw (RFC 3986 query = *( pchar / "/" / "?" )).
    private static readonly SearchValues<char> PlainQueryChars = SearchValues.Create(Unreserved + "!$&'()*+,;=:@\"<>[]^`{|}/?");

    /// <summary>
    /// Normalises a raw request target, or explains in one sentence (for a Kubernetes <c>Status</c>) why it is refused.
    /// </summary>
    /// <param name="rawTarget">The request target exactly as received, e.g. <c>/k8s/demo/api/v1/pods?watch=1</c>.</param>
    /// <param name="target">The decoded path, raw query and parsed query.</param>
    /// <param name="error">Why the target was refused.</param>
    public static bool TryNormalize(string rawTarget, [NotNullWhen(true)] out NormalizedTarget? target, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        target = null;
        if (rawTarget.Length == 0 || rawTarget[0] != '/')
        {
            error = rawTarget == "*"
                ? "the request target '*' is not accepted; send a path beginning with '/'"
                : "the request target must be a path beginning with '/' (origin-form); absolute URLs are not accepted";
            return false;
        }

        var questionMark = rawTarget.IndexOf('?');
        var rawPath = questionMark < 0 ? rawTarget.AsSpan() : rawTarget.AsSpan(0, questionMark);
        var rawQuery = questionMark < 0 ? "" : rawTarget[(questionMark + 1)..];

        if ((error = CheckPath(rawPath, out var hasEscapes)) is not null || (error = CheckQuery(rawQuery)) is not null)
        {
            return false;
        }

        var path = questionMark < 0 ? rawTarget : rawPath.ToString();
        if (hasEscapes && GoPercentDecoding.Unescape(rawPath, plusIsSpace: false, out path) != GoUnescapeStatus.Ok)
        {
            error = "ambiguous request: the path is not valid UTF-8 after percent-decoding";
            return false;
        }

        var query = QueryParameters.Parse(rawQuery);
        if ((error = CheckParameters(query)) is not null)
        {
            return false;
        }

        target = new NormalizedTarget(path, rawQuery, query);
        return true;
    }

    private static string? CheckPath(ReadOnlySpan<char> path, out bool hasEscapes)
    {
        hasEscapes = false;
        var segmentStart = 1;
        var i = 1;
        while (i < path.Length)
        {
            var next = path[i..].IndexOfAnyExcept(PlainPathChars);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = path[i];
            if (c == '/')
            {
                if (CheckSegment(path[segmentStart..i]) is { } segmentError)
                {
                    return segmentError;
                }

                segmentStart = ++i;
                continue;
            }

            if (c != '%')
            {
                return CheckRawCharacter(c, inPath: true);
            }

            if (!TryReadEscape(path, i, out var b))
            {
                return InvalidEscape;
            }

            if (b == '/')
            {
                return "ambiguous request: the path contains a percent-encoded '/' (%2F)";
            }

            if (b < 0x80 && Unreserved.Contains((char)b, StringComparison.Ordinal))
            {
                return $"ambiguous request: the path contains a percent-encoded unreserved character ('{path.Slice(i, 3)}' for '{(char)b}'); send it unencoded";
            }

            if (b == '\\')
            {
                return "ambiguous request: the path contains a backslash (%5C)";
            }

            if (b < 0x20 || b == 0x7F)
            {
                return ControlCharacter;
            }

            hasEscapes = true;
            i += 3;
        }

        // The last segment; "/" alone is the root.
        return path.Length > 1 ? CheckSegment(path[segmentStart..]) : null;
    }

    private static string? CheckSegment(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty)
        {
            return "ambiguous request: the path contains an empty segment ('//' or a trailing '/')";
        }

        if (segment is "." or "..")
        {
            return "ambiguous request: the path contains a dot segment ('.' or '..')";
        }

        return null;
    }

    private static string? CheckQuery(string rawQuery)
    {
        var query = rawQuery.AsSpan();
        var i = 0;
        while (i < query.Length)
        {
            var next = query[i..].IndexOfAnyExcept(PlainQueryChars);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = query[i];
            if (c != '%')
            {
                return CheckRawCharacter(c, inPath: false);
            }

            if (!TryReadEscape(query, i, out var b))
            {
                return InvalidEscape;
            }

            if (b < 0x20 || b == 0x7F)
            {
                return ControlCharacter;
            }

            i += 3;
        }

        return null;
    }

    private static string? CheckParameters(QueryParameters query)
    {
        if (query.ExceededParameterLimit)
        {
            return $"ambiguous request: the query has more than {QueryParameters.MaxParameters} parameters";
        }

        if (query.HasInvalidUtf8)
        {
            return "ambiguous request: the query is not valid UTF-8 after percent-decoding";
        }

        // Go drops a pair containing ';' (older readers split on it): refuse it when it names a significant parameter.
        foreach (var dropped in query.DroppedPairs)
        {
            var pair = dropped.AsSpan();
            foreach (var range in pair.Split(';'))
            {
                var part = pair[range];
                var eq = part.IndexOf('=');
                GoPercentDecoding.Unescape(eq < 0 ? part : part[..eq], plusIsSpace: true, out var key);
                if (SignificantQueryParameters.Contains(key))
                {
                    return $"ambiguous request: the query parameter '{key}' is in a pair containing ';', which the API server ignores";
                }
            }
        }

        var seen = 0UL;
        foreach (var (key, _) in query.Pairs)
        {
            if (!SignificantQueryParameters.Contains(key) || ListValuedQueryParameters.Contains(key))
            {
                continue;
            }

            var bit = 1UL << SignificantQueryParameters.Items.IndexOf(key);
            if ((seen & bit) != 0)
            {
                return $"ambiguous request: the query parameter '{key}' is given more than once";
            }

            seen |= bit;
        }

        return null;
    }

    private static string CheckRawCharacter(char c, bool inPath) => c switch
    {
        '#' => "ambiguous request: the request target contains a fragment ('#')",
        '\\' => "ambiguous request: the request target contains a backslash",
        < ' ' or '\u007F' => ControlCharacter,
        ' ' => "ambiguous request: the request target contains a raw space; send it percent-encoded",
        > '\u007F' => "ambiguous request: the request target contains a raw non-ASCII character; send it percent-encoded",
        _ => inPath
            ? $"ambiguous request: the path contains the character '{c}'"
            : $"ambiguous request: the query contains the character '{c}'",
    };

    private static bool TryReadEscape(ReadOnlySpan<char> s, int i, out int b)
    {
        b = 0;
        if (i + 2 >= s.Length || !GoPercentDecoding.IsHex(s[i + 1]) || !GoPercentDecoding.IsHex(s[i + 2]))
        {
            return false;
        }

        b = (GoPercentDecoding.Unhex(s[i + 1]) << 4) | GoPercentDecoding.Unhex(s[i + 2]);
        return true;
    }
}
