namespace Hoop.Gateway.Masking;

/// <summary>How a masked value is written.</summary>
public enum MaskStyle
{
    /// <summary>The whole value becomes <see cref="MaskToken.Text"/>.</summary>
    Redact,

    /// <summary>A part the agent may need stays: the last four digits of a card, the domain of an e-mail.</summary>
    Partial,

    /// <summary>A keyed pseudonym (HMAC): the same value masks to the same token within a session. Never used for credentials.</summary>
    Pseudonym,
}
