namespace Hoop.Gateway.Masking;

/// <summary>Which masking rules run (all on by default). Names follow the policy file's <c>masking.rules</c> keys.</summary>
public sealed record MaskingRuleSwitches
{
    /// <summary>Secrets by structure: <c>data</c>, <c>stringData</c> and every field outside the metadata allow-list.</summary>
    public bool Secrets { get; init; } = true;

    /// <summary><c>last-applied-configuration</c> and other JSON inside strings, parsed and masked recursively.</summary>
    public bool EmbeddedJson { get; init; } = true;

    /// <summary>Helm release storage masked whole.</summary>
    public bool Helm { get; init; } = true;

    /// <summary>Values whose key names a secret (JSON keys, <c>env[].name</c>, <c>NAME=value</c>, <c>key: value</c>).</summary>
    public bool FieldNames { get; init; } = true;

    /// <summary>Credential formats (PEM private keys, JWTs, cloud and SaaS tokens, URL passwords, Authorization values).</summary>
    public bool Credentials { get; init; } = true;

    /// <summary>E-mail addresses.</summary>
    public bool Email { get; init; } = true;

    /// <summary>Card numbers that pass Luhn.</summary>
    public bool Card { get; init; } = true;

    /// <summary>US social security numbers.</summary>
    public bool Ssn { get; init; } = true;

    /// <summary>Phone numbers valid per libphonenumber.</summary>
    public bool Phone { get; init; } = true;

    /// <summary>IBANs with a valid mod-97 check.</summary>
    public bool Iban { get; init; } = true;

    /// <summary>Public IP addresses.</summary>
    public bool IpAddress { get; init; } = true;
}
