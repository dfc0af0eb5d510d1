using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Recording;

public sealed class JournalTimeTests
{
    [Theory]
    [InlineData("2026-03-01T02:30:00.1234567+02:00", "2026-03-01T00:30:00.1234567Z")]
    [InlineData("2026-12-31T23:59:59-05:00", "2027-01-01T04:59:59.0000000Z")]
    public void ToText_AnyOffset_IsUtcRfc3339WithSevenFractionalDigits(string local, string expected)
    {
        var text = JournalTime.ToText(DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, text);
        Assert.Equal(DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture), JournalTime.Parse(text));
    }

    [Fact]
    public void ToText_LaterTimes_SortLaterAsStrings()
    {
        var earlier = JournalTime.ToText(new DateTimeOffset(2026, 9, 30, 23, 59, 59, 999, TimeSpan.Zero));
        var later = JournalTime.ToText(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }
}
