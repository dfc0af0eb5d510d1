using System.Security.Cryptography;
using System.Text;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Approvals;

/// <summary>The approval page's sealed cookies and CSRF tokens: keys from the secret store, shared by every instance.</summary>
public sealed class ApprovalPageProtectorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hoop-protector-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Unprotect_SealedByAnotherInstanceOverTheSameStore_Opens()
    {
        var store = await StoreAsync();
        var sealedValue = await new ApprovalPageProtector(store).ProtectAsync("cookie", "bob"u8.ToArray());

        var opened = await new ApprovalPageProtector(store).UnprotectAsync("cookie", sealedValue);

        Assert.Equal("bob", Encoding.UTF8.GetString(opened!));
        Assert.DoesNotContain("bob", Encoding.UTF8.GetString(Convert.FromBase64String(Pad(sealedValue))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unprotect_OtherPurpose_Null()
    {
        var protector = new ApprovalPageProtector(await StoreAsync());
        var sealedValue = await protector.ProtectAsync("flow", "x"u8.ToArray());

        Assert.Null(await protector.UnprotectAsync("cookie", sealedValue));
    }

    [Fact]
    public async Task Unprotect_OneCharacterChanged_Null()
    {
        var protector = new ApprovalPageProtector(await StoreAsync());
        var sealedValue = await protector.ProtectAsync("cookie", "bob"u8.ToArray());
        var tampered = sealedValue[..10] + (sealedValue[10] == 'A' ? 'B' : 'A') + sealedValue[11..];

        Assert.Null(await protector.UnprotectAsync("cookie", tampered));
        Assert.Null(await protector.UnprotectAsync("cookie", "not base64 !"));
        Assert.Null(await protector.UnprotectAsync("cookie", ""));
    }

    [Fact]
    public async Task Unprotect_SealedUnderAnotherKey_Null()
    {
        var sealedValue = await new ApprovalPageProtector(await StoreAsync()).ProtectAsync("cookie", "bob"u8.ToArray());
        Directory.Delete(_dir, recursive: true);

        Assert.Null(await new ApprovalPageProtector(await StoreAsync()).UnprotectAsync("cookie", sealedValue));
    }

    [Fact]
    public async Task VerifyMac_OtherDataOrMissing_False()
    {
        var protector = new ApprovalPageProtector(await StoreAsync());
        var mac = await protector.MacAsync("csrf|cookie|s1|ap-1");

        Assert.True(await protector.VerifyMacAsync("csrf|cookie|s1|ap-1", mac));
        Assert.False(await protector.VerifyMacAsync("csrf|cookie|s2|ap-1", mac));
        Assert.False(await protector.VerifyMacAsync("csrf|cookie|s1|ap-1", null));
        Assert.False(await protector.VerifyMacAsync("csrf|cookie|s1|ap-1", mac[..^1]));
    }

    [Fact]
    public async Task Protect_NoLinkKeyInTheStore_Throws()
    {
        var empty = new FileSecretStore(_dir);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await new ApprovalPageProtector(empty).ProtectAsync("cookie", [1]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task<FileSecretStore> StoreAsync()
    {
        var store = new FileSecretStore(_dir);
        await store.SetSecretAsync(ApprovalLinks.SecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return store;
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
