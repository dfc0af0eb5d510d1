using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// Sessions as secrets: <c>session-{id}</c>, value = the keyed hash of the token (never the token), <c>ExpiresOn</c> = the
/// session's end, tags = user, role, connection and the forwarded groups. Ending a session disables its secret.
/// </summary>
/// <remarks>
/// The layout is documented in docs/identity.md (Key Vault layout). Tags are not secret; Key Vault allows 15 tags of at
/// most 256 characters, so a session whose user or groups do not fit is refused at start.
/// </remarks>
internal sealed class SecretStoreSessionStore(ISecretStore secrets) : ISessionStore
{
    /// <summary>The name prefix of session secrets.</summary>
    public const string SecretPrefix = "session-";

    /// <summary>The content type of session secrets.</summary>
    public const string ContentType = "application/vnd.hoop.session-token-hash";

    public const string UserTag = "user";
    public const string RoleTag = "role";
    public const string ConnectionTag = "connection";
    public const string GroupsTag = "groups";
    public const int MaxTagLength = 256;

    public static string SecretName(string id) => SecretPrefix + id;

    public async ValueTask CreateAsync(Session session, string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (TooLong(session) is { } tooLong)
        {
            throw new ArgumentException(tooLong, nameof(session));
        }

        var tags = Tags(session);

        await secrets.SetSecretAsync(
            SecretName(session.Id),
            tokenHash,
            new SecretProperties { Name = SecretName(session.Id), ExpiresOn = session.ExpiresAt, ContentType = ContentType, Tags = tags },
            cancellationToken);
    }

    /// <summary>Why <paramref name="session"/> cannot be stored (a tag over Key Vault's limit), or null.</summary>
    public static string? TooLong(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (key, value) in Tags(session))
        {
            if (value.Length > MaxTagLength)
            {
                return $"the session's {key} is longer than Key Vault's {MaxTagLength}-character tag limit";
            }
        }

        return null;
    }

    public async ValueTask<StoredSession?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SessionToken.IsSessionId(id))
        {
            return null;
        }

        var secret = await secrets.GetSecretEntryAsync(SecretName(id), cancellationToken);
        if (secret is null)
        {
            return null;
        }

        if (!secret.Properties.Enabled)
        {
            // Key Vault does not return a disabled secret's tags with the refusal; an ended session needs none.
            return new StoredSession(new Session(id, "", [], "", "", DateTimeOffset.MinValue), false, null, secret.Properties.CreatedOn);
        }

        return Read(id, secret.Properties, secret.Value);
    }

    public async IAsyncEnumerable<StoredSession> ListAsync(string user, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var properties in secrets.ListSecretsAsync(SecretPrefix, cancellationToken))
        {
            var id = properties.Name[SecretPrefix.Length..];
            if (SessionToken.IsSessionId(id) && properties.Tags.TryGetValue(UserTag, out var owner) && string.Equals(owner, user, StringComparison.Ordinal)
                && Read(id, properties, null) is { } session)
            {
                yield return session;
            }
        }
    }

    public ValueTask EndAsync(string id, CancellationToken cancellationToken = default)
        => SessionToken.IsSessionId(id) ? secrets.DisableSecretAsync(SecretName(id), cancellationToken) : ValueTask.CompletedTask;

    private static Dictionary<string, string> Tags(Session session) => new()
    {
        [UserTag] = session.User,
        [RoleTag] = session.Role,
        [ConnectionTag] = session.Connection,
        [GroupsTag] = JsonSerializer.Serialize(session.Groups),
    };

    private static StoredSession? Read(string id, SecretProperties properties, string? value)
    {
        if (properties.ContentType != ContentType
            || properties.ExpiresOn is not { } expires
            || !properties.Tags.TryGetValue(UserTag, out var user)
            || !properties.Tags.TryGetValue(RoleTag, out var role)
            || !properties.Tags.TryGetValue(ConnectionTag, out var connection))
        {
            return null;
        }

        IReadOnlyList<string> groups = properties.Tags.TryGetValue(GroupsTag, out var json)
            ? JsonSerializer.Deserialize<string[]>(json) ?? []
            : [];
        return new StoredSession(new Session(id, user, groups, role, connection, expires), properties.Enabled, value, properties.CreatedOn);
    }
}
