namespace Hoop.Gateway.Upstream;

/// <summary>Gives the cached <see cref="UpstreamConnection"/> of a connection name.</summary>
internal interface IUpstreamRegistry
{
    /// <summary>The connection, or <see langword="null"/> when no such connection is configured.</summary>
    ValueTask<UpstreamConnection?> GetAsync(string name, CancellationToken cancellationToken = default);
}
