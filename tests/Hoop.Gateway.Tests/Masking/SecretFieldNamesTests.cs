using System.Text;
using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Masking;

public sealed class SecretFieldNamesTests
{
    public static TheoryData<string, bool> Names() => new()
    {
        { "password", true },
        { "DB_PASSWORD", true },
        { "clientSecret", true },
        { "x-api-key", true },
        { "data.token", true },
        { "passwordPolicy", false },
        { "tokenTTL", false },
        { "secretName", false },
        { "PASSWORD_MIN_LENGTH", false },
        { "checksum/secret", false },
        { "name", false },
        { "kind", false },
        { "pässwörd", false },
        { "mein_passwort_token", true },
        { "a-very-long-configuration-key-name-that-is-longer-than-sixty-four-characters_password", true },
        { "a-very-long-configuration-key-name-that-is-longer-than-sixty-four-characters_policy", false },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void IsSecret_BytesAndCharacters_GiveTheSameAnswerAsked(string name, bool expected)
    {
        var names = new SecretFieldNames([], []);

        // Asked twice each way: the second answer comes from the cache.
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(expected, names.IsSecret(Encoding.UTF8.GetBytes(name)));
            Assert.Equal(expected, names.IsSecret(name.AsSpan()));
        }
    }

    [Fact]
    public void IsSecret_KeepListedName_IsNotSecretThroughEitherPath()
    {
        var names = new SecretFieldNames(["pin"], ["tokenUrl"]);

        Assert.False(names.IsSecret("tokenUrl"u8));
        Assert.False(names.IsSecret("tokenUrl".AsSpan()));
        Assert.True(names.IsSecret("user_pin"u8));
        Assert.True(names.IsSecret("USER-PIN".AsSpan()));
    }
}
