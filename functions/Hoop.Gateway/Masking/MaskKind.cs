namespace Hoop.Gateway.Masking;

/// <summary>Why a value was masked. Personal-data kinds may use any <see cref="MaskStyle"/>; the others are always redacted.</summary>
public enum MaskKind
{
    /// <summary>A value masked by structure (Secret data, a field of a Secret outside the metadata allow-list, a Helm release).</summary>
    Secret,

    /// <summary>A value whose key names a secret (<c>password</c>, <c>DB_TOKEN</c>, <c>env[].name</c> ...).</summary>
    FieldName,

    /// <summary>A credential recognised by its format (PEM private key, JWT, AWS key, GitHub token, URL password ...).</summary>
    Credential,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A payment card number that passes Luhn.</summary>
    Card,

    /// <summary>A US social security number.</summary>
    Ssn,

    /// <summary>A phone number valid per libphonenumber.</summary>
    Phone,

    /// <summary>An IBAN with a valid mod-97 check.</summary>
    Iban,

    /// <summary>A public IP address.</summary>
    IpAddress,

    /// <summary>A match of a custom pattern from the policy.</summary>
    Custom,
}
