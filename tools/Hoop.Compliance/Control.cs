using YamlDotNet.Serialization;

namespace Hoop.Compliance;

/// <summary>One NIST SP 800-53 r5 control as the gateway meets it (or does not), with its evidence and tests.</summary>
internal sealed record Control
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>What the control asks, in one or two sentences.</summary>
    public string Asks { get; init; } = "";

    /// <summary><c>met</c>, <c>partial</c> or <c>planned</c> (planned: not yet met).</summary>
    public string Status { get; init; } = "";

    /// <summary>How the gateway meets it today, and what it does not do yet.</summary>
    public string How { get; init; } = "";

    /// <summary>Journal records (or deployment artefacts) an auditor reads as evidence.</summary>
    public List<string> Evidence { get; init; } = [];

    /// <summary>Fully qualified test methods (Namespace.Class.Method) that must pass in the run.</summary>
    public List<string> Tests { get; init; } = [];

    /// <summary>The matching NIST SP 800-171 r2 requirements.</summary>
    [YamlMember(Alias = "sp800_171")]
    public List<string> Sp800171 { get; init; } = [];
}
