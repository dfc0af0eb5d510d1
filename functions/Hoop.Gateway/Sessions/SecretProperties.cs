namespace Hoop.Gateway.Sessions;

/// <summary>A secret's properties as Key Vault keeps them beside the value (never secret themselves).</summary>
public sealed record SecretProperties
{
    /// <summary>The secret's name.</summary>
    public required string Name { get; init; }

    /// <summary>False once the secret is disabled; its value can then no longer be read.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When the secret expires (informational in Key Vault: readers must check it).</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>When the secret was created (set by the store).</summary>
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>The secret's content type, or null.</summary>
    public string? ContentType { get; init; }

    /// <summary>Tags (Key Vault allows 15, each value at most 256 characters).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
