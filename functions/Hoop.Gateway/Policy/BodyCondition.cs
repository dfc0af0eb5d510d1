namespace Hoop.Gateway.Policy;

/// <summary>One <c>bodyMatches</c> entry: the field at a dotted path must be the given string.</summary>
internal sealed record BodyCondition(string Path, IReadOnlyList<string> Segments, string Value)
{
    public static BodyCondition Parse(string path, string value) => new(path, path.Split('.'), value);
}
