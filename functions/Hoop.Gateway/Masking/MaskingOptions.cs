namespace Hoop.Gateway.Masking;

/// <summary>
/// The masking configuration: the policy file's <c>masking:</c> section (see <see cref="MaskingOptionsReader"/>) and the
/// bounds that keep hostile input cheap. The defaults mask everything the rules in docs/masking.md describe.
/// </summary>
public sealed record MaskingOptions
{
    /// <summary>The defaults: every rule on, personal data fully redacted.</summary>
    public static MaskingOptions Default { get; } = new();

    /// <summary>Which rules run.</summary>
    public MaskingRuleSwitches Rules { get; init; } = new();

    /// <summary>Extra secret field names (matched like the built-in ones: a key ending with the name, any case or separator).</summary>
    public IReadOnlyList<string> FieldNames { get; init; } = [];

    /// <summary>Field names whose values the field-name rule never masks (exact, case-insensitive). Content rules still apply.</summary>
    public IReadOnlyList<string> KeepFieldNames { get; init; } = [];

    /// <summary>Custom patterns.</summary>
    public IReadOnlyList<CustomPattern> Patterns { get; init; } = [];

    /// <summary>Values the content rules never mask (exact match, e.g. a support address). Structure and field names still apply.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>The style per personal-data kind (default <see cref="MaskStyle.Redact"/>). Credentials are always redacted.</summary>
    public IReadOnlyDictionary<MaskKind, MaskStyle> Styles { get; init; } = new Dictionary<MaskKind, MaskStyle>();

    /// <summary>Regions whose national phone numbers are recognised (numbers with a leading <c>+</c> are recognised for every region).</summary>
    public IReadOnlyList<string> PhoneRegions { get; init; } = ["US"];

    /// <summary>The name of the secret (Key Vault / local store) holding the pseudonym key; without it pseudonyms fall back to redaction.</summary>
    public string? PseudonymKeySecret { get; init; }

    /// <summary>A JSON string or text line longer than this is masked whole instead of scanned (default 4 MiB).</summary>
    public int MaxValueBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Bytes a JSON masker may hold back while a decision waits for the end of an object (default 16 MiB); more ends the response.</summary>
    public int MaxHeldBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>JSON inside a string (last-applied, annotations) larger than this is masked whole instead of parsed (default 1 MiB).</summary>
    public int MaxEmbeddedBytes { get; init; } = 1024 * 1024;

    /// <summary>Nesting depth of a JSON response past which the response is ended; embedded JSON deeper than a quarter of it is masked whole.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>A text line longer than this is scanned in segments cut at whitespace (default 64 KiB).</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;

    /// <summary>The style for <paramref name="kind"/>: credentials and structure are always redacted.</summary>
    public MaskStyle StyleOf(MaskKind kind)
        => kind is MaskKind.Secret or MaskKind.FieldName or MaskKind.Credential ? MaskStyle.Redact
            : Styles.TryGetValue(kind, out var style) ? style : MaskStyle.Redact;
}
