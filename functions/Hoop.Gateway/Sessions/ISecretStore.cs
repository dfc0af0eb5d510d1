namespace Hoop.Gateway.Sessions;

/// <summary>Where secrets live: Key Vault in Azure, a local folder for <c>hoop serve</c>.</summary>
public interface ISecretStore
{
    /// <summary>Reads secret <paramref name="name"/>; <see langword="null"/> when it does not exist.</summary>
    ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default);
}
