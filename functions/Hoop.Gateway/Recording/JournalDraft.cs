namespace Hoop.Gateway.Recording;

/// <summary>A record before it has a place in its session's chain: its properties without keys and chain value.</summary>
internal sealed class JournalDraft
{
    public JournalDraft(string kind, DateTimeOffset time)
    {
        Properties[JournalProperty.Kind] = kind;
        Properties[JournalProperty.Time] = JournalTime.ToText(time);
    }

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public string Kind => (string)Properties[JournalProperty.Kind]!;

    /// <summary>Body bytes the record carries (for the transaction size budget).</summary>
    public int DataBytes => Properties.TryGetValue(JournalProperty.Data, out var data) && data is byte[] bytes ? bytes.Length : 0;

    /// <summary>Sets <paramref name="name"/> unless the value is null (absent properties are not stored).</summary>
    public JournalDraft With(string name, object? value)
    {
        if (value is not null)
        {
            Properties[name] = value;
        }

        return this;
    }
}
