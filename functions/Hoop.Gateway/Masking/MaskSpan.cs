namespace Hoop.Gateway.Masking;

/// <summary>A range of a scanned value to mask, with the reason and the style to write it in.</summary>
internal readonly record struct MaskSpan(int Start, int Length, MaskKind Kind, MaskStyle Style = MaskStyle.Redact)
{
    public int End => Start + Length;
}
