namespace Hoop.Gateway.Identity;

/// <summary>Checks on the groups an identity provider states.</summary>
public static class GroupClaims
{
    /// <summary>The prefix of Kubernetes' own groups (<c>system:masters</c>, <c>system:authenticated</c>, ...).</summary>
    public const string SystemPrefix = "system:";

    /// <summary>
    /// The refusal when an identity provider states a <c>system:*</c> group: no identity provider has any business
    /// asserting one, so the sign-in is refused outright (they would never be forwarded anyway).
    /// </summary>
    public const string SystemGroupRefused = "the sign-in states a Kubernetes system group (system:*), which no identity provider may assert";

    /// <summary>
    /// The refusal for Entra ID's groups overage: a person in more than 200 groups (150 in SAML) gets no <c>groups</c> claim
    /// but a pointer to Microsoft Graph. The gateway does not call Graph; it refuses, and docs/identity.md says how to
    /// emit only the groups assigned to the application (<c>groupMembershipClaims: ApplicationGroup</c>) or app roles.
    /// </summary>
    public const string OverageRefused =
        "the sign-in has too many groups to list (Entra ID groups overage): configure the app registration to emit only groups assigned to the application (docs/identity.md)";

    /// <summary>Whether any of <paramref name="groups"/> is a <c>system:*</c> group.</summary>
    public static bool HasSystemGroup(IEnumerable<string> groups) => groups.Any(IsSystem);

    /// <summary>Whether <paramref name="group"/> is a Kubernetes <c>system:*</c> group.</summary>
    public static bool IsSystem(string group) => group.StartsWith(SystemPrefix, StringComparison.OrdinalIgnoreCase);
}
