namespace Hoop.Gateway.Policy;

/// <summary>JSON Pointer → YAML position, built while converting the policy YAML to JSON, so that schema errors
/// (which name JSON instance locations) can be reported on the YAML line the author wrote.</summary>
internal sealed class YamlLocationMap
{
    private readonly Dictionary<string, YamlLocation> _byPointer = new(StringComparer.Ordinal);

    public void Add(string pointer, YamlLocation location) => _byPointer[pointer] = location;

    /// <summary>The location of <paramref name="pointer"/>, or of its nearest ancestor that has one.</summary>
    public YamlLocation Find(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_byPointer.TryGetValue(current, out var location))
            {
                return location;
            }

            if (current.Length == 0)
            {
                return new YamlLocation(1, 1, 1, 1, "");
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? "" : current[..slash];
        }
    }

    /// <summary>Appends an escaped JSON Pointer segment (RFC 6901: <c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>).</summary>
    public static string Child(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
