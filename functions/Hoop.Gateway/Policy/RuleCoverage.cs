namespace Hoop.Gateway.Policy;

/// <summary>
/// Whether one rule matches every request another matches (so the later one can never decide). Exact for the RBAC
/// fields; conservative where it cannot be sure (body conditions), so it never calls a reachable rule dead.
/// </summary>
internal static class RuleCoverage
{
    /// <summary>Whether <paramref name="rule"/> matches every request, whatever it is.</summary>
    public static bool IsCatchAll(PolicyRule rule) =>
        CompiledRule.KindOf(rule) == RuleKind.Any && VerbSet.Mask(rule.Verbs) == VerbSet.All && rule.BodyMatches is null;

    /// <summary>Whether <paramref name="earlier"/> matches every request <paramref name="later"/> matches.</summary>
    public static bool Covers(PolicyRule earlier, PolicyRule later)
    {
        var a = CompiledRule.KindOf(earlier);
        var b = CompiledRule.KindOf(later);
        if ((a == RuleKind.Resource && b != RuleKind.Resource) || (a == RuleKind.NonResource && b != RuleKind.NonResource))
        {
            return false;
        }

        var verbsA = VerbSet.Mask(earlier.Verbs);
        var verbsB = VerbSet.Mask(later.Verbs);
        if (verbsA != VerbSet.All && (verbsB == VerbSet.All || (verbsB & ~verbsA) != 0))
        {
            return false;
        }

        if (earlier.BodyMatches is not null
            && (later.BodyMatches is null
                || earlier.BodyMatches.Any(c => !later.BodyMatches.TryGetValue(c.Key, out var v) || v != c.Value)))
        {
            return false;
        }

        if (a == RuleKind.Any)
        {
            return true;
        }

        return a == RuleKind.Resource
            ? SetCovers(earlier.ApiGroups, later.ApiGroups, wildcard: true)
                && ResourcesCover(earlier.Resources, later.Resources)
                && SetCovers(earlier.ResourceNames, later.ResourceNames, wildcard: false)
                && SetCovers(earlier.Namespaces, later.Namespaces, wildcard: false)
            : UrlsCover(earlier.NonResourceURLs!, later.NonResourceURLs!);
    }

    private static bool SetCovers(IReadOnlyList<string>? a, IReadOnlyList<string>? b, bool wildcard)
    {
        if (a is null || (wildcard && a.Contains("*")))
        {
            return true;
        }

        return b is not null && !(wildcard && b.Contains("*")) && b.All(a.Contains);
    }

    private static bool ResourcesCover(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        if (a is null || a.Contains("*"))
        {
            return true;
        }

        if (b is null || b.Contains("*"))
        {
            return false;
        }

        return b.All(r =>
        {
            if (a.Contains(r))
            {
                return true;
            }

            var slash = r.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 && a.Contains("*/" + r[(slash + 1)..]);
        });
    }

    private static bool UrlsCover(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Contains("*"))
        {
            return true;
        }

        if (b.Contains("*"))
        {
            return false;
        }

        var prefixes = a.Where(u => u.EndsWith('*')).Select(u => u.TrimEnd('*')).ToList();
        return b.All(u => a.Contains(u) || prefixes.Any(p => u.TrimEnd('*').StartsWith(p, StringComparison.Ordinal)));
    }
}
