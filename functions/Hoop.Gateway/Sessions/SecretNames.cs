namespace Hoop.Gateway.Sessions;

/// <summary>Key Vault's rule for secret names (1-127 of <c>[0-9a-zA-Z-]</c>), which also keeps local file names safe.</summary>
public static class SecretNames
{
    /// <summary>Whether <paramref name="name"/> is a valid secret name.</summary>
    public static bool IsValid(string? name)
        => name is { Length: > 0 and <= 127 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Throws unless <paramref name="name"/> is a valid secret name.</summary>
    public static string Check(string name)
        => IsValid(name) ? name : throw new ArgumentException($"'{name}' is not a valid secret name (1-127 letters, digits and '-').", nameof(name));
}
