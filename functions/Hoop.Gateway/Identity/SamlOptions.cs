namespace Hoop.Gateway.Identity;

/// <summary>SAML 2.0 sign-in: the identity provider's metadata and this gateway's service-provider identity.</summary>
public sealed record SamlOptions
{
    /// <summary>The IdP's metadata document (EntityDescriptor XML) inline; or use <see cref="IdpMetadataUrl"/>.</summary>
    public string? IdpMetadata { get; init; }

    /// <summary>HTTPS address of the IdP's metadata document.</summary>
    public string? IdpMetadataUrl { get; init; }

    /// <summary>This gateway's entity id: the <c>Audience</c> assertions must name.</summary>
    public string? EntityId { get; init; }

    /// <summary>The attribute that lists the person's groups.</summary>
    public string GroupsAttribute { get; init; } = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";

    /// <summary>Whether SAML sign-in is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(EntityId)
        && (!string.IsNullOrWhiteSpace(IdpMetadata) || !string.IsNullOrWhiteSpace(IdpMetadataUrl));
}
