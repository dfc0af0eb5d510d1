namespace Hoop.Gateway.Masking;

/// <summary>A string token whose replacement waits for its object's decision.</summary>
/// <param name="Start">Absolute position of the opening quote.</param>
/// <param name="End">Absolute position after the closing quote.</param>
/// <param name="SecretReplacement">The token if the object turns out to be a Secret (or the name a secret name).</param>
/// <param name="NormalReplacement">The token otherwise (null: unchanged).</param>
/// <param name="IsNameValue">Whether this is a <c>value</c> waiting for its sibling <c>name</c>.</param>
internal readonly record struct PendingString(long Start, long End, byte[] SecretReplacement, byte[]? NormalReplacement, bool IsNameValue);
