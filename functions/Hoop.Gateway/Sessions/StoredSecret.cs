namespace Hoop.Gateway.Sessions;

/// <summary>A secret read from an <see cref="ISecretStore"/>: its properties and, unless it is disabled, its value.</summary>
/// <param name="Properties">The secret's properties.</param>
/// <param name="Value">The value; null when the secret is disabled.</param>
public sealed record StoredSecret(SecretProperties Properties, string? Value);
