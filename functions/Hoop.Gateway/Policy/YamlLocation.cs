namespace Hoop.Gateway.Policy;

/// <summary>Where a YAML node is: its value's position, its key's position (for mapping entries), and its dotted path.</summary>
internal readonly record struct YamlLocation(int Line, int Column, int KeyLine, int KeyColumn, string Path);
