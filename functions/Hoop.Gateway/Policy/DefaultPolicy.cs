using System.Text;

namespace Hoop.Gateway.Policy;

/// <summary>The safe default policy for AI agents shipped with the gateway (<c>Policy/policy.default.yaml</c>), used
/// by <c>hoop serve --demo</c> and whenever no policy is configured.</summary>
public static class DefaultPolicy
{
    /// <summary>The name the default policy goes by in messages.</summary>
    public const string SourceName = "default policy";

    private const string ResourceName = "Hoop.Gateway.Policy.policy.default.yaml";

    private static readonly Lazy<PolicyDocument> Loaded = new(() =>
    {
        var result = PolicyLoader.Load(Text, SourceName);
        return result.Policy ?? throw new InvalidOperationException(
            "the shipped default policy does not load: " + string.Join("; ", result.Problems.Select(p => p.Format(SourceName))));
    });

    /// <summary>The default policy's YAML, as shipped.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(DefaultPolicy).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The default policy, loaded once.</summary>
    public static PolicyDocument Document => Loaded.Value;
}
