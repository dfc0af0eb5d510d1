namespace Hoop.Gateway.Upstream;

/// <summary>Finds the settings of a named connection (the policy's <c>connections</c> section, credentials from the secret store).</summary>
public interface IUpstreamConnectionSource
{
    /// <summary>The settings of <paramref name="name"/>, or <see langword="null"/> when no such connection exists.</summary>
    ValueTask<UpstreamConnectionSettings?> FindAsync(string name, CancellationToken cancellationToken = default);
}
