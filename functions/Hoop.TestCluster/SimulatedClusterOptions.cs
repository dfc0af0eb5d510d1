namespace Hoop.TestCluster;

/// <summary>How a <see cref="SimulatedCluster"/> starts.</summary>
public sealed record SimulatedClusterOptions
{
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The version reported by <c>/version</c>. The kubectl dispatcher on the machine picks its client from it,
    /// so start the cluster with the version of kubectl a test means to drive.
    /// </summary>
    public string GitVersion { get; init; } = "v1.33.0";

    /// <summary>Seed namespaces, deployments, pods with logs, secrets, config maps and services.</summary>
    public bool Seed { get; init; } = true;

    /// <summary>The bearer token every request must carry (else 401 <c>Status</c>); null generates one.</summary>
    public string? BearerToken { get; init; }

    /// <summary>When true, requests without an <c>Impersonate-User</c> header are refused (403 <c>Status</c>).</summary>
    public bool RequireImpersonation { get; init; }

    /// <summary>The clock for timestamps, ages and token expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
