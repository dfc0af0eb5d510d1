using System.Text;

namespace Hoop.Gateway.Masking;

/// <summary>The text that replaces a masked value.</summary>
public static class MaskToken
{
    /// <summary>The mask token.</summary>
    public const string Text = "[masked]";

    /// <summary>The mask token in base64, for values that must stay valid base64 (Secret <c>data</c>, kubeconfig <c>*-data</c>).</summary>
    public const string Base64 = "W21hc2tlZF0=";

    /// <summary>The mask token as a JSON string, quotes included.</summary>
    internal static ReadOnlySpan<byte> JsonString => "\"[masked]\""u8;

    /// <summary>The base64 mask token as a JSON string, quotes included.</summary>
    internal static ReadOnlySpan<byte> JsonBase64String => "\"W21hc2tlZF0=\""u8;

    /// <summary>Whether <paramref name="value"/> is already a mask token (so masking twice changes nothing).</summary>
    internal static bool IsToken(ReadOnlySpan<char> value) => value.SequenceEqual(Text) || value.SequenceEqual(Base64);

    internal static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
