using System.Collections.Frozen;

namespace Hoop.Gateway.Policy;

/// <summary>A <see cref="PolicyDocument"/> with every role compiled; immutable, built once per loaded document.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(PolicyDocument document)
    {
        Document = document;
        Roles = document.Roles.ToFrozenDictionary(r => r.Key, r => new CompiledRole(r.Value), StringComparer.Ordinal);
    }

    public PolicyDocument Document { get; }

    public FrozenDictionary<string, CompiledRole> Roles { get; }
}
