using System.Text.Json.Nodes;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Requests;

public sealed class RequestInfoResolverTests
{
    private const string ApiServerTable = "apiserver-requestinfo-test.json";
    private const string HoopTable = "hoop-cases.json";

    public static TheoryData<string> ApiServerCases => RequestInfoCaseTable.Ids(ApiServerTable);

    public static TheoryData<string> HoopCases => RequestInfoCaseTable.Ids(HoopTable);

    [Theory]
    [MemberData(nameof(ApiServerCases))]
    public void Resolve_ApiServerTestTableRow_MatchesTheGoTest(string id)
    {
        // Arrange: Go's test builds the request with http.NewRequest(method, url); for these urls (no '%', no '#')
        // url.Parse gives the text before '?' as the path and the text after it as the query.
        var row = RequestInfoCaseTable.Load(ApiServerTable).ById[id];
        var url = (string)row["url"]!;
        Assert.DoesNotContain('%', url);
        Assert.DoesNotContain('#', url);
        var questionMark = url.IndexOf('?', StringComparison.Ordinal);
        var path = questionMark < 0 ? url : url[..questionMark];
        var query = QueryParameters.Parse(questionMark < 0 ? "" : url[(questionMark + 1)..]);

        // Act
        var ok = RequestInfoResolver.TryResolve((string)row["method"]!, path, query, out var info, out var error);

        // Assert
        AssertExpectation(row["expect"]!.AsObject(), ok, info, error);
    }

    [Theory]
    [MemberData(nameof(HoopCases))]
    public void Resolve_HoopCase_MatchesTheApiServersReading(string id)
    {
        // Arrange
        var row = RequestInfoCaseTable.Load(HoopTable).ById[id];
        Assert.True(RequestTargetNormalizer.TryReadLikeApiServer((string)row["url"]!, out var path, out var query));

        // Act
        var ok = RequestInfoResolver.TryResolve((string)row["method"]!, path, query, out var info, out var error);

        // Assert
        AssertExpectation(row["expect"]!.AsObject(), ok, info, error);
    }

    [Fact]
    public void ApiServerTable_Header_NamesRepositoryPathAndCommit()
    {
        var source = RequestInfoCaseTable.Load(ApiServerTable).Source;

        Assert.Equal("https://github.com/kubernetes/apiserver", (string?)source["repository"]);
        Assert.Equal("pkg/endpoints/request/requestinfo_test.go", (string?)source["path"]);
        Assert.Matches("^[0-9a-f]{40}$", (string?)source["commit"]);
    }

    [Fact]
    public void ApiServerTable_Rows_CoverEveryGoTestTable()
    {
        // The Go file's tables: 30 success and 6 error cases, 13 non-API cases, 12 selector cases.
        var counts = RequestInfoCaseTable.Load(ApiServerTable).Rows
            .GroupBy(row => (string)row["test"]!)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        Assert.Equal(30, counts["TestGetAPIRequestInfo"]);
        Assert.Equal(6, counts["TestGetAPIRequestInfo/errorCases"]);
        Assert.Equal(13, counts["TestGetNonAPIRequestInfo"]);
        Assert.Equal(12, counts["TestSelectorParsing"]);
    }

    [Fact]
    public void Resolve_LegacyWatchWithoutResource_ReturnsGosPartialInfo()
    {
        var info = RequestInfoResolver.Resolve("GET", "/api/v1/watch", QueryParameters.Empty);

        Assert.True(info.IsResourceRequest);
        Assert.Equal("get", info.Verb);
        Assert.Equal("v1", info.ApiVersion);
        Assert.Equal("", info.Resource);
        Assert.Empty(info.Parts);
    }

    [Fact]
    public void Resolve_NonResourcePath_KeepsPathAndEmptyStrings()
    {
        var info = RequestInfoResolver.Resolve("GET", "/version", QueryParameters.Parse("fieldSelector=metadata.name%3Dx"));

        Assert.False(info.IsResourceRequest);
        Assert.Equal("/version", info.Path);
        Assert.Equal("get", info.Verb);
        Assert.Equal("", info.FieldSelector);
        Assert.Equal("", info.Namespace);
        Assert.Empty(info.Parts);
    }

    private static void AssertExpectation(JsonObject expect, bool ok, RequestInfo info, string? error)
    {
        foreach (var (field, expected) in expect)
        {
            switch (field)
            {
                case "error" when expected!.GetValueKind() == System.Text.Json.JsonValueKind.False:
                    Assert.True(ok, $"unexpected error: {error}");
                    break;
                case "error":
                    Assert.False(ok);
                    Assert.Contains((string)expected!, error, StringComparison.Ordinal);
                    break;
                case "allowedError":
                    // Go's test tolerates an error containing this text; it does not require one.
                    Assert.True(ok || error!.Contains((string)expected!, StringComparison.Ordinal), error);
                    break;
                case "parts":
                    Assert.Equal(expected!.AsArray().Select(part => (string)part!), info.Parts);
                    break;
                case "isResourceRequest":
                    Assert.Equal((bool)expected!, info.IsResourceRequest);
                    break;
                default:
                    var actual = Field(info, field);
                    Assert.True((string)expected! == actual, $"{field}: expected '{expected}', actual '{actual}'");
                    break;
            }
        }
    }

    private static string Field(RequestInfo info, string field) => field switch
    {
        "path" => info.Path,
        "verb" => info.Verb,
        "apiPrefix" => info.ApiPrefix,
        "apiGroup" => info.ApiGroup,
        "apiVersion" => info.ApiVersion,
        "namespace" => info.Namespace,
        "resource" => info.Resource,
        "subresource" => info.Subresource,
        "name" => info.Name,
        "fieldSelector" => info.FieldSelector,
        "labelSelector" => info.LabelSelector,
        _ => throw new InvalidOperationException($"unknown expectation field '{field}'"),
    };
}
