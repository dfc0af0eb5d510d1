namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// What a request that creates or changes a workload would run (pod specs found in the masked body, including the templates
/// of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs, and the fields a patch sets).
/// </summary>
public sealed record WorkloadSummary
{
    public IReadOnlyList<WorkloadContainer> Containers { get; init; } = [];

    public IReadOnlyList<WorkloadVolume> Volumes { get; init; } = [];

    /// <summary>Secrets read into the environment (<c>env[].valueFrom.secretKeyRef</c>, <c>envFrom[].secretRef</c>).</summary>
    public IReadOnlyList<string> EnvironmentSecrets { get; init; } = [];

    public string? ServiceAccountName { get; init; }

    public bool HostNetwork { get; init; }

    public bool HostPid { get; init; }

    public bool HostIpc { get; init; }

    /// <summary>Whether the body said nothing about what would run (a scale, a label patch).</summary>
    public bool IsEmpty => Containers.Count == 0 && Volumes.Count == 0 && EnvironmentSecrets.Count == 0
        && ServiceAccountName is null && !HostNetwork && !HostPid && !HostIpc;

    /// <summary>The summary as message lines, loud ones marked.</summary>
    public IReadOnlyList<ApprovalFact> Facts()
    {
        var facts = new List<ApprovalFact>();
        foreach (var c in Containers)
        {
            var who = c.Kind + " " + c.Name;
            if (c.Image.Length > 0)
            {
                facts.Add(new ApprovalFact("Image", who + ": " + c.Image));
            }

            if (c.Command.Count > 0)
            {
                facts.Add(new ApprovalFact("Command", who + ": " + string.Join(' ', c.Command)));
            }

            if (c.Args.Count > 0)
            {
                facts.Add(new ApprovalFact("Args", who + ": " + string.Join(' ', c.Args)));
            }

            if (c.Privileged)
            {
                facts.Add(new ApprovalFact("PRIVILEGED container", who, Warning: true));
            }

            if (c.AddedCapabilities.Count > 0)
            {
                facts.Add(new ApprovalFact("Added capabilities", who + ": " + string.Join(", ", c.AddedCapabilities), Warning: true));
            }
        }

        foreach (var v in Volumes)
        {
            facts.Add(v.IsHostPath
                ? new ApprovalFact("HOST PATH volume", v.Name + ": " + v.Reference, Warning: true)
                : new ApprovalFact(v.IsSecret ? "Secret volume" : "Volume", v.Name + ": " + v.Source + (v.Reference.Length > 0 ? " " + v.Reference : "")));
        }

        facts.AddRange(EnvironmentSecrets.Select(s => new ApprovalFact("Secret in environment", s)));
        if (ServiceAccountName is not null)
        {
            facts.Add(new ApprovalFact("Service account", ServiceAccountName));
        }

        if (HostNetwork)
        {
            facts.Add(new ApprovalFact("HOST NETWORK", "hostNetwork: true", Warning: true));
        }

        if (HostPid)
        {
            facts.Add(new ApprovalFact("HOST PID namespace", "hostPID: true", Warning: true));
        }

        if (HostIpc)
        {
            facts.Add(new ApprovalFact("HOST IPC namespace", "hostIPC: true", Warning: true));
        }

        return facts;
    }
}
