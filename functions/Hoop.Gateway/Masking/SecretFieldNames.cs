using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Decides whether a key names a secret: the key, lower-cased with <c>_ - . space</c> removed, ends with one of the secret
/// words (<c>password</c>, <c>token</c>, <c>apikey</c>, ...). So <c>DB_PASSWORD</c>, <c>clientSecret</c>, <c>x-api-key</c>
/// are secret names, while <c>passwordPolicy</c>, <c>tokenTTL</c>, <c>secretName</c>, <c>PASSWORD_MIN_LENGTH</c> are not
/// (they only contain a word). Only the part after the last <c>/</c> counts, and checksum / hash / digest names never do
/// (Helm's <c>checksum/secret</c> is a hash the agent may need).
/// </summary>
internal sealed class SecretFieldNames
{
    /// <summary>The built-in words (issue 6 rule 4), normalised.</summary>
    public static readonly string[] BuiltIn =
    [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "accesskey", "secretkey", "privatekey",
        "clientsecret", "credentials", "credential", "connectionstring", "sessionkey", "dsn",
    ];

    private static readonly SearchValues<string> NeutralValues = SearchValues.Create(["checksum", "hash", "digest", "sha256", "sha1", "fingerprint"], StringComparison.OrdinalIgnoreCase);

    private const int MaxCachedName = 64;

    private readonly ByteAnswerCache _cache = new(slots: 4096, maxLength: MaxCachedName);
    private readonly string[] _words;
    private readonly FrozenSet<string> _keep;
    private readonly SearchValues<char> _lastChars;

    public SecretFieldNames(IEnumerable<string> extra, IEnumerable<string> keep)
    {
        _words = [.. BuiltIn.Concat(extra.Select(Normalize).Where(w => w.Length > 0)).Distinct(StringComparer.Ordinal)];
        _keep = keep.Select(k => k.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _lastChars = SearchValues.Create([.. _words.Select(w => w[^1]).Distinct()]);
    }

    /// <summary>Whether a value under <paramref name="name"/> is a secret.</summary>
    /// <remarks>Answers for short ASCII names are cached (JSON repeats a few hundred key names); others are decided each time.</remarks>
    public bool IsSecret(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxCachedName)
        {
            return Decide(name);
        }

        Span<byte> bytes = stackalloc byte[name.Length];
        return Ascii.FromUtf16(name, bytes, out _) == OperationStatus.Done ? IsSecretAscii(bytes, name) : Decide(name);
    }

    /// <summary>
    /// Whether a value under the UTF-8 <paramref name="name"/> is a secret (the JSON masker asks with the raw bytes of an
    /// unescaped property name). Non-ASCII or long names are decoded and decided without the cache.
    /// </summary>
    public bool IsSecret(ReadOnlySpan<byte> name)
    {
        // Most keys end in a letter no secret word ends with ("metadata", "spec", "image"): answered without a lookup.
        if (name.IsEmpty || (char.IsAsciiLetterOrDigit((char)name[^1]) && !_lastChars.Contains(char.ToLowerInvariant((char)name[^1]))))
        {
            return false;
        }

        if (name.Length <= MaxCachedName && Ascii.IsValid(name))
        {
            if (_cache.TryGet(name, out var known))
            {
                return known;
            }

            Span<char> chars = stackalloc char[name.Length];
            Ascii.ToUtf16(name, chars, out _);
            return IsSecretAscii(name, chars);
        }

        var decoded = Encoding.UTF8.GetString(name);
        return Decide(decoded);
    }

    /// <summary>The cached answer for an ASCII name given both as bytes and as characters.</summary>
    private bool IsSecretAscii(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> chars)
    {
        if (_cache.TryGet(bytes, out var known))
        {
            return known;
        }

        var answer = Decide(chars);
        _cache.Set(bytes, answer);
        return answer;
    }

    private bool Decide(ReadOnlySpan<char> name)
    {
        var slash = name.LastIndexOf('/');
        var tail = slash < 0 ? name : name[(slash + 1)..];

        // Most keys are rejected by their last letter alone (hot path: every JSON property name).
        var last = tail.Length - 1;
        while (last >= 0 && tail[last] is '_' or '-' or '.' or ' ')
        {
            last--;
        }

        if (last < 0 || !_lastChars.Contains(char.ToLowerInvariant(tail[last])))
        {
            return false;
        }

        // Normalise the last characters into a small buffer (lower case, separators dropped), back to front.
        Span<char> buffer = stackalloc char[48];
        var length = 0;
        for (var i = tail.Length - 1; i >= 0 && length < buffer.Length; i--)
        {
            var c = tail[i];
            if (c is '_' or '-' or '.' or ' ')
            {
                continue;
            }

            buffer[buffer.Length - 1 - length] = char.ToLowerInvariant(c);
            length++;
        }

        if (length == 0 || !_lastChars.Contains(buffer[^1]))
        {
            return false;
        }

        var normalized = buffer[(buffer.Length - length)..];
        var matched = false;
        foreach (var word in _words)
        {
            if (normalized.EndsWith(word, StringComparison.Ordinal))
            {
                matched = true;
                break;
            }
        }

        if (!matched)
        {
            return false;
        }

        if (name.IndexOfAny(NeutralValues) >= 0)
        {
            return false;
        }

        return _keep.Count == 0 || !_keep.Contains(name.ToString().ToLowerInvariant());
    }

    /// <summary>Whether a value under <paramref name="name"/> is a secret (<see langword="null"/>: no).</summary>
    public bool IsSecret(string? name) => name is not null && IsSecret(name.AsSpan());

    private static string Normalize(string word)
        => new([.. word.ToLowerInvariant().Where(c => c is not ('_' or '-' or '.' or ' '))]);

}
