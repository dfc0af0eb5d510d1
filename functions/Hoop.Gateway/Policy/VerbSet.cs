namespace Hoop.Gateway.Policy;

/// <summary>
/// Verbs as bits, so a rule's verb list is one mask and matching a request's verb is one AND
/// (see bench/Hoop.Bench/PolicyEvaluatorBenchmarks.cs). Verbs compare case-sensitively, as RBAC compares them.
/// </summary>
internal static class VerbSet
{
    /// <summary>The mask of <c>*</c> (and of an absent verb list).</summary>
    public const ulong All = ulong.MaxValue;

    /// <summary>The bit of every verb outside the vocabulary: only <c>*</c> matches it.</summary>
    public const ulong Other = 1UL << 63;

    /// <summary>Verbs that appear on resource requests.</summary>
    public static readonly IReadOnlyList<string> ResourceVerbs =
        ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "proxy"];

    /// <summary>Lower-case HTTP methods, the verbs of non-resource requests.</summary>
    public static readonly IReadOnlyList<string> NonResourceVerbs = ["get", "post", "put", "patch", "delete", "head", "options"];

    /// <summary>RBAC verbs the API server checks on its own (escalation, impersonation, signing); never a request's verb.</summary>
    public static readonly IReadOnlyList<string> AuthorizationOnlyVerbs = ["impersonate", "escalate", "bind", "use", "approve", "sign"];

    public static ulong Bit(string verb) => verb switch
    {
        "get" => 1UL << 0,
        "list" => 1UL << 1,
        "watch" => 1UL << 2,
        "create" => 1UL << 3,
        "update" => 1UL << 4,
        "patch" => 1UL << 5,
        "delete" => 1UL << 6,
        "deletecollection" => 1UL << 7,
        "proxy" => 1UL << 8,
        "post" => 1UL << 9,
        "put" => 1UL << 10,
        "head" => 1UL << 11,
        "options" => 1UL << 12,
        "impersonate" => 1UL << 13,
        "escalate" => 1UL << 14,
        "bind" => 1UL << 15,
        "use" => 1UL << 16,
        "approve" => 1UL << 17,
        "sign" => 1UL << 18,
        _ => Other,
    };

    /// <summary>The mask of a rule's verb list: absent or containing <c>*</c> → <see cref="All"/>.</summary>
    public static ulong Mask(IReadOnlyList<string>? verbs)
    {
        if (verbs is null)
        {
            return All;
        }

        var mask = 0UL;
        foreach (var verb in verbs)
        {
            if (verb == "*")
            {
                return All;
            }

            mask |= Bit(verb);
        }

        return mask;
    }
}
