using Azure.Data.Tables;
using Hoop.Gateway.Recording;

namespace Hoop.Gateway.Tests.Recording;

public sealed class JournalStoreTests
{
    private static readonly JournalStore Store = new(new TableServiceClient("UseDevelopmentStorage=true"), "hoopjournal");

    [Fact]
    public void TableName_Month_IsOneTablePerUtcMonth()
    {
        Assert.Equal("hoopjournal202611", Store.TableName(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal("hoopjournal202612", Store.TableName(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.FromHours(-2))));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Store.MonthOf("hoopjournal202612"));
    }

    [Theory]
    [InlineData("otherprefix202611")]
    [InlineData("hoopjournal2026")]
    [InlineData("hoopjournal202613")]
    public void MonthOf_TableNotOfThisJournal_IsNull(string table) => Assert.Null(Store.MonthOf(table));
}
