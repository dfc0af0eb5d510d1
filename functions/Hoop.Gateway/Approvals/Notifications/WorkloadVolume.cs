namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>A volume a workload would mount, by its source.</summary>
/// <param name="Name">The volume's name in the pod.</param>
/// <param name="Source">Its source kind (<c>secret</c>, <c>hostPath</c>, <c>configMap</c>, <c>persistentVolumeClaim</c>, ...).</param>
/// <param name="Reference">What it reads: the Secret's name, the host path, the claim, ...</param>
public sealed record WorkloadVolume(string Name, string Source, string Reference)
{
    /// <summary>A host path reaches the node itself (a container escape in one mount): always shown loudly.</summary>
    public bool IsHostPath => Source == "hostPath";

    /// <summary>Whether the volume exposes a Secret.</summary>
    public bool IsSecret => Source == "secret";
}
