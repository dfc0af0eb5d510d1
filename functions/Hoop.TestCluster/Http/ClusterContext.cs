using Hoop.TestCluster.Logs;
using Hoop.TestCluster.OpenApi;
using Hoop.TestCluster.Tokens;

namespace Hoop.TestCluster.Http;

/// <summary>Everything a request handler reaches: options, objects, logs, tokens and the request journal.</summary>
internal sealed class ClusterContext
{
    public required SimulatedClusterOptions Options { get; init; }

    public required ClusterStore Store { get; init; }

    public required PodLogStore Logs { get; init; }

    public required TokenAuthority Tokens { get; init; }

    public required RequestJournal Journal { get; init; }

    public required OpenApiDocuments OpenApi { get; init; }

    public TimeProvider Time => Options.TimeProvider;
}
