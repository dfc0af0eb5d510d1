namespace Hoop.Gateway.Masking;

/// <summary>One open object or array of the JSON masker (reused across the stream).</summary>
internal sealed class JsonFrame
{
    public bool IsObject { get; set; }

    /// <summary>For objects: how its properties are treated; for arrays: how its elements are.</summary>
    public JsonContext Context { get; set; }

    /// <summary>The property this container is the value of, in its parent (Other for array elements and the root).</summary>
    public JsonKey KeyInParent { get; set; }

    // :: Object state

    /// <summary>The current property.</summary>
    public JsonKey Key { get; set; }

    /// <summary>Whether the current property's name names a secret.</summary>
    public bool KeyIsSecret { get; set; }

    /// <summary>The object's kind, when seen.</summary>
    public string? Kind { get; set; }

    /// <summary>Null while unknown; then whether the object is a Secret.</summary>
    public bool? IsSecret { get; set; }

    /// <summary>Whether the object stands where the response's resources stand (root, list item, watch object, Table row object).</summary>
    public bool IsResource { get; set; }

    /// <summary>Whether the object is a row of a Table.</summary>
    public bool IsRow { get; set; }

    /// <summary>Whether the object is Helm release storage (a ConfigMap named sh.helm.release.v1.* or labelled owner=helm).</summary>
    public bool IsHelm { get; set; }

    /// <summary>Whether a sibling <c>name</c> named a secret (<c>env[]</c>: the value is masked).</summary>
    public bool NameIsSecret { get; set; }

    /// <summary>Whether a sibling <c>name</c> was seen.</summary>
    public bool NameSeen { get; set; }

    /// <summary>Absolute position of the current property's name token.</summary>
    public long KeyStart { get; set; }

    /// <summary>Absolute position of a <c>data</c> / <c>stringData</c> held until the object's kind is known, or -1.</summary>
    public long DataHold { get; set; } = -1;

    /// <summary>Absolute position of a <c>value</c> held until its sibling <c>name</c> is known, or -1.</summary>
    public long ValueHold { get; set; } = -1;

    /// <summary>Absolute position of a Secret's name or label held until its data is known (a json-patch copy of a value into them), or -1.</summary>
    public long EchoHold { get; set; } = -1;

    /// <summary>Absolute position from which output is held until this object decides, or -1.</summary>
    public long HoldStart
    {
        get
        {
            var hold = long.MaxValue;
            foreach (var position in (ReadOnlySpan<long>)[DataHold, ValueHold, EchoHold])
            {
                if (position >= 0 && position < hold)
                {
                    hold = position;
                }
            }

            return hold == long.MaxValue ? -1 : hold;
        }
    }

    /// <summary>For frames inside a Secret: the Secret's frame index, or -1.</summary>
    public int SecretOwner { get; set; } = -1;

    /// <summary>For a Secret: its kept name, namespace and label values, masked at its end if they equal one of its values.</summary>
    public List<(long Start, long End, string Value)> Echoes { get; } = [];

    /// <summary>For a Secret: its masked values (raw and base64-decoded), to recognise them where they are echoed.</summary>
    public HashSet<string> SecretValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Strings under <c>data</c> / <c>stringData</c> (and a <c>value</c> seen before its <c>name</c>) awaiting the decision.</summary>
    public List<PendingString> Pending { get; } = [];

    /// <summary>The frame index that owns pending strings for this container (itself, or the object whose data it is in).</summary>
    public int PendingOwner { get; set; } = -1;

    // :: Array state

    /// <summary>For arrays: the <c>items</c> of a list (elements are resources).</summary>
    public bool IsItems { get; set; }

    /// <summary>For arrays: the <c>rows</c> of a Table.</summary>
    public bool IsRows { get; set; }

    /// <summary>For <c>items</c> arrays: the list's kind.</summary>
    public string? ListKind { get; set; }

    public void Reset(bool isObject, JsonContext context, JsonKey keyInParent)
    {
        IsObject = isObject;
        Context = context;
        KeyInParent = keyInParent;
        Key = JsonKey.Other;
        KeyIsSecret = false;
        Kind = null;
        IsSecret = null;
        IsResource = false;
        IsRow = false;
        IsHelm = false;
        NameIsSecret = false;
        NameSeen = false;
        KeyStart = 0;
        DataHold = -1;
        ValueHold = -1;
        EchoHold = -1;
        SecretOwner = -1;
        Echoes.Clear();
        SecretValues.Clear();
        Pending.Clear();
        PendingOwner = -1;
        IsItems = false;
        IsRows = false;
        ListKind = null;
    }
}
