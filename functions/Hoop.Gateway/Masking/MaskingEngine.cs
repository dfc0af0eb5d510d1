namespace Hoop.Gateway.Masking;

/// <summary>
/// The masking rules compiled once from <see cref="MaskingOptions"/> (field names, scanners, custom patterns), shared by
/// every response; per-response maskers are created from it.
/// </summary>
internal sealed class MaskingEngine
{
    /// <summary>How many levels of JSON inside strings are parsed (last-applied inside a logged object...); deeper is masked whole.</summary>
    public const int MaxEmbedLevel = 3;

    public MaskingEngine(MaskingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Scanner = new ContentScanner(options, new SecretFieldNames(options.FieldNames, options.KeepFieldNames));
    }

    public MaskingOptions Options { get; }

    public ContentScanner Scanner { get; }
}
