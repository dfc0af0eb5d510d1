using System.Text;
using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Masking;

public sealed class ByteAnswerCacheTests
{
    [Fact]
    public void TryGet_AfterSet_ReturnsTheAnswerForTheSameBytesOnly()
    {
        var cache = new ByteAnswerCache(slots: 64, maxLength: 32);
        cache.Set("password"u8, answer: true);
        cache.Set("passwordPolicy"u8, answer: false);

        Assert.True(cache.TryGet("password"u8, out var secret));
        Assert.True(secret);
        Assert.True(cache.TryGet("passwordPolicy"u8, out var policy));
        Assert.False(policy);
        Assert.False(cache.TryGet("Password"u8, out _));
        Assert.False(cache.TryGet("passwor"u8, out _));
    }

    [Fact]
    public void Set_KeyLongerThanTheBound_IsNeverStored()
    {
        var cache = new ByteAnswerCache(slots: 64, maxLength: 8);
        cache.Set("123456789"u8, answer: true);

        Assert.False(cache.TryGet("123456789"u8, out _));
    }

    [Fact]
    public void Set_ManyMoreKeysThanSlots_KeepsAtMostOneEntryPerSlotAndNeverAnswersWrongly()
    {
        var cache = new ByteAnswerCache(slots: 16, maxLength: 64);
        for (var i = 0; i < 1000; i++)
        {
            cache.Set(Encoding.ASCII.GetBytes($"key-{i}"), answer: i % 2 == 0);
        }

        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            if (cache.TryGet(Encoding.ASCII.GetBytes($"key-{i}"), out var answer))
            {
                found++;
                Assert.Equal(i % 2 == 0, answer);
            }
        }

        Assert.InRange(found, 1, 16);
    }

    [Fact]
    public void Constructor_SlotsNotAPowerOfTwo_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ByteAnswerCache(slots: 100, maxLength: 8));
}
