using System.Collections.Frozen;

namespace Hoop.Gateway.Policy;

/// <summary>
/// A <see cref="PolicyRule"/> compiled for the hot path: verbs as a bit mask, names in frozen sets, decisions built once,
/// so matching allocates nothing (bench/Hoop.Bench/PolicyEvaluatorBenchmarks.cs).
/// </summary>
/// <remarks>
/// Matching is RBAC's (k8s.io/kubernetes pkg/apis/rbac/v1/evaluation_helpers.go): verbs exact or <c>*</c>; apiGroups exact
/// or <c>*</c>; resources exact (<c>pods</c> never matches <c>pods/exec</c>), <c>*</c> (everything, subresources too) or
/// <c>*/sub</c>; resourceNames exact, so never matched by a request without a name; nonResourceURLs exact, <c>*</c>, or a
/// prefix ending in <c>*</c>. One deliberate difference, which can only make the policy stricter: block and approve rules
/// compare API groups, resources, namespaces and URLs without regard to ASCII case (the API server answers other
/// spellings with 404, but a block must never be dodged by one); allow rules compare exactly.
/// </remarks>
internal sealed class CompiledRule
{
    private const int MaxStackName = 256;

    private readonly ulong _verbs;
    private readonly RuleKind _kind;
    private readonly FrozenSet<string>? _apiGroups;
    private readonly bool _allResources;
    private readonly FrozenSet<string> _resources;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _resourceLookup;
    private readonly FrozenSet<string>? _anyResourceSubresources;
    private readonly FrozenSet<string>? _resourceNames;
    private readonly FrozenSet<string>? _namespaces;
    private readonly bool _allUrls;
    private readonly FrozenSet<string> _urls;
    private readonly string[] _urlPrefixes;
    private readonly StringComparison _comparison;
    private readonly BodyCondition[]? _body;

    public CompiledRule(PolicyRule rule, string role)
    {
        Rule = rule;
        var comparer = rule.Action == DecisionAction.Allow ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        _comparison = rule.Action == DecisionAction.Allow ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _verbs = VerbSet.Mask(rule.Verbs);
        _kind = KindOf(rule);
        _apiGroups = rule.ApiGroups is null || rule.ApiGroups.Contains("*") ? null : rule.ApiGroups.ToFrozenSet(comparer);

        _allResources = rule.Resources is null || rule.Resources.Contains("*");
        _resources = (rule.Resources ?? []).Where(r => !r.StartsWith("*/", StringComparison.Ordinal)).ToFrozenSet(comparer);
        _resourceLookup = _resources.GetAlternateLookup<ReadOnlySpan<char>>();
        var anySub = (rule.Resources ?? []).Where(r => r.StartsWith("*/", StringComparison.Ordinal)).Select(r => r[2..]).ToList();
        _anyResourceSubresources = anySub.Count == 0 ? null : anySub.ToFrozenSet(comparer);

        _resourceNames = rule.ResourceNames?.ToFrozenSet(StringComparer.Ordinal);
        _namespaces = rule.Namespaces?.ToFrozenSet(comparer);

        _allUrls = rule.NonResourceURLs is null || rule.NonResourceURLs.Contains("*");
        _urls = (rule.NonResourceURLs ?? []).Where(u => !u.EndsWith('*')).ToFrozenSet(comparer);
        _urlPrefixes = [.. (rule.NonResourceURLs ?? []).Where(u => u.EndsWith('*')).Select(u => u.TrimEnd('*'))];

        _body = rule.BodyMatches?.Select(c => BodyCondition.Parse(c.Key, c.Value)).ToArray();

        Decision = DecisionText.ForRule(rule, rule.Action, role, dryRun: false);
        DryRunDecision = rule.DryRun is { } dry ? DecisionText.ForRule(rule, dry, role, dryRun: true) : null;
    }

    public PolicyRule Rule { get; }

    /// <summary>The decision when this rule matches.</summary>
    public Decision Decision { get; }

    /// <summary>The decision when this rule matches a dry-run request, if the rule says so.</summary>
    public Decision? DryRunDecision { get; }

    public bool HasBodyConditions => _body is not null;

    public static RuleKind KindOf(PolicyRule rule) =>
        rule.NonResourceURLs is not null ? RuleKind.NonResource
        : rule.ApiGroups is not null || rule.Resources is not null || rule.ResourceNames is not null || rule.Namespaces is not null
            ? RuleKind.Resource
            : RuleKind.Any;

    /// <summary>Whether the rule matches <paramref name="request"/>; <paramref name="body"/> is read only for body conditions.</summary>
    public bool Matches(in RequestView request, RequestBody? body)
    {
        if ((_verbs & request.VerbBit) == 0)
        {
            return false;
        }

        var info = request.Info;
        if (info.IsResourceRequest)
        {
            if (_kind == RuleKind.NonResource
                || (_apiGroups is not null && !_apiGroups.Contains(info.ApiGroup))
                || !ResourceMatches(info.Resource, info.Subresource)
                || (_resourceNames is not null && !_resourceNames.Contains(info.Name))
                || (_namespaces is not null && !_namespaces.Contains(info.Namespace)))
            {
                return false;
            }
        }
        else if (_kind == RuleKind.Resource || !UrlMatches(info.Path))
        {
            return false;
        }

        return _body is null || BodyMatches(body);
    }

    private bool ResourceMatches(string resource, string subresource)
    {
        if (_allResources)
        {
            return true;
        }

        if (subresource.Length == 0)
        {
            return _resources.Contains(resource);
        }

        if (_anyResourceSubresources is not null && _anyResourceSubresources.Contains(subresource))
        {
            return true;
        }

        // "resource/subresource" without allocating: RBAC compares the combined name.
        var length = resource.Length + 1 + subresource.Length;
        if (length > MaxStackName)
        {
            return _resources.Contains(resource + "/" + subresource);
        }

        Span<char> combined = stackalloc char[length];
        resource.CopyTo(combined);
        combined[resource.Length] = '/';
        subresource.CopyTo(combined[(resource.Length + 1)..]);
        return _resourceLookup.Contains(combined);
    }

    private bool UrlMatches(string path)
    {
        if (_allUrls || _urls.Contains(path))
        {
            return true;
        }

        foreach (var prefix in _urlPrefixes)
        {
            if (path.StartsWith(prefix, _comparison))
            {
                return true;
            }
        }

        return false;
    }

    private bool BodyMatches(RequestBody? body)
    {
        foreach (var condition in _body!)
        {
            var result = body?.Check(condition) ?? ConditionResult.Unknown;
            var met = result == ConditionResult.Met || (result == ConditionResult.Unknown && Rule.Action != DecisionAction.Allow);
            if (!met)
            {
                return false;
            }
        }

        return true;
    }
}
