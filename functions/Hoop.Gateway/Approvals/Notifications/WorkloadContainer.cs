namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>A container a workload would run, as the (masked) request body states it.</summary>
public sealed record WorkloadContainer
{
    /// <summary><c>container</c>, <c>init container</c> or <c>ephemeral container</c>.</summary>
    public required string Kind { get; init; }

    public string Name { get; init; } = "";

    public string Image { get; init; } = "";

    public IReadOnlyList<string> Command { get; init; } = [];

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary><c>securityContext.privileged: true</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary>Added Linux capabilities (<c>securityContext.capabilities.add</c>).</summary>
    public IReadOnlyList<string> AddedCapabilities { get; init; } = [];
}
