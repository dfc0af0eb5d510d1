namespace Hoop.Gateway.Masking;

/// <summary>The spans found in one value, kept free of overlaps: the first rule to claim a range wins.</summary>
internal sealed class SpanList
{
    private readonly List<MaskSpan> _spans = [];

    public int Count => _spans.Count;

    public MaskSpan this[int index] => _spans[index];

    public void Clear() => _spans.Clear();

    /// <summary>Adds a span unless it overlaps one already claimed; returns whether it was added.</summary>
    public bool TryAdd(MaskSpan span)
    {
        if (span.Length <= 0)
        {
            return false;
        }

        foreach (var existing in _spans)
        {
            if (span.Start < existing.End && existing.Start < span.End)
            {
                return false;
            }
        }

        _spans.Add(span);
        return true;
    }

    /// <summary>Whether <paramref name="index"/> lies inside a claimed span.</summary>
    public bool Covers(int index)
    {
        foreach (var existing in _spans)
        {
            if (index >= existing.Start && index < existing.End)
            {
                return true;
            }
        }

        return false;
    }

    public void RemoveAt(int index) => _spans.RemoveAt(index);

    public void Sort() => _spans.Sort((a, b) => a.Start.CompareTo(b.Start));
}
