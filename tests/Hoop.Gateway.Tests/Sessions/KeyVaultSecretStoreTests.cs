using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Support;

namespace Hoop.Gateway.Tests.Sessions;

/// <summary>The real SecretClient against a local endpoint that speaks Key Vault's REST API and its bearer challenge.</summary>
public sealed class KeyVaultSecretStoreTests : IAsyncLifetime
{
    private LocalKeyVault _vault = null!;
    private KeyVaultSecretStore _store = null!;

    public async Task InitializeAsync()
    {
        _vault = await LocalKeyVault.StartAsync();
        _store = new KeyVaultSecretStore(_vault.CreateClient());
    }

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task SetThenGet_WithChallenge_RoundTripsValueExpiryAndTags()
    {
        var expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

        await _store.SetSecretAsync("session-abc", "hash", new SecretProperties { Name = "session-abc", ExpiresOn = expires, ContentType = "t", Tags = new Dictionary<string, string> { ["user"] = "u" } });
        var read = await _store.GetSecretEntryAsync("session-abc");

        Assert.True(_vault.Challenges >= 1, "the client should have met the 401 bearer challenge");
        Assert.NotNull(read);
        Assert.Equal("hash", read.Value);
        Assert.Equal(expires, read.Properties.ExpiresOn);
        Assert.Equal("u", read.Properties.Tags["user"]);
        Assert.True(read.Properties.Enabled);
    }

    [Fact]
    public async Task Get_Missing_IsNull()
    {
        Assert.Null(await _store.GetSecretEntryAsync("nothing-here"));
        Assert.Null(await _store.GetSecretAsync("nothing-here"));
    }

    [Fact]
    public async Task Disable_ThenGet_IsDisabledWithoutValue()
    {
        await _store.SetSecretAsync("session-x", "hash", new SecretProperties { Name = "session-x" });

        await _store.DisableSecretAsync("session-x");
        var read = await _store.GetSecretEntryAsync("session-x");

        Assert.NotNull(read);
        Assert.False(read.Properties.Enabled);
        Assert.Null(read.Value);
        Assert.Contains(_vault.Requests, r => r.StartsWith("PATCH /secrets/session-x/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ByPrefix_ReturnsPropertiesOnly()
    {
        await _store.SetSecretAsync("session-a", "1", new SecretProperties { Name = "session-a", Tags = new Dictionary<string, string> { ["user"] = "u" } });
        await _store.SetSecretAsync("conn-demo", "2", new SecretProperties { Name = "conn-demo" });

        var listed = new List<SecretProperties>();
        await foreach (var p in _store.ListSecretsAsync("session-"))
        {
            listed.Add(p);
        }

        var only = Assert.Single(listed);
        Assert.Equal("session-a", only.Name);
        Assert.Equal("u", only.Tags["user"]);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("../etc")]
    [InlineData("")]
    public async Task Get_InvalidName_Throws(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await _store.GetSecretAsync(name));
    }
}
