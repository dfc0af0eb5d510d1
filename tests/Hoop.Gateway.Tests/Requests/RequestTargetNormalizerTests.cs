using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Tests.Requests;

public sealed class RequestTargetNormalizerTests
{
    // The significant parameters named by the design (DESIGN.md §2, request-normalisation.md); the set may hold more.
    private static readonly string[] RequiredSignificantKeys =
    [
        "watch", "fieldSelector", "labelSelector", "dryRun", "resourceVersion", "timeoutSeconds", "resourceVersionMatch",
        "sendInitialEvents", "allowWatchBookmarks", "limit", "continue", "propagationPolicy", "gracePeriodSeconds",
        "orphanDependents", "fieldManager", "fieldValidation", "force", "container", "follow", "command", "stdin",
        "stdout", "stderr", "tty", "as",
    ];

    public static TheoryData<string> SignificantKeys => new(RequiredSignificantKeys);

    // Every significant key whose repetition is refused: all but command, which exec repeats by design.
    public static TheoryData<string> SingleValuedSignificantKeys => new(RequiredSignificantKeys.Where(key => key != "command"));

    public static TheoryData<string> KubectlTargets => KubectlTargetTable.Ids();

    public static TheoryData<string> AcceptedTargets => new(
        "/api/v1/namespaces/default/pods?limit=500",
        "/apis/apps/v1/namespaces/default/deployments/web/scale",
        "/api/v1/namespaces/default/pods/p/log?container=c&follow=true",
        "/api/v1/namespaces/kube-system/secrets?labelSelector=a%3Db%2Cc%21%3Dd",
        "/k8s/demo/api/v1/namespaces/default/pods?watch=1",
        "/api/v1/namespaces/default/pods/p%3A8080/proxy",
        "/api/v1/namespaces/default/configmaps/caf%C3%A9",
        "/api/v1/pods/a%25b",
        "/api/v1/pods?a=1;b=2&x=1&x=2",
        "/api/v1/pods?w%61tch=1",
        "/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Da%5C%2Cb",
        "/api/v1/pods?continue=abc/def?x",
        "/");

    [Theory]
    // Not origin-form.
    [InlineData("", "origin-form")]
    [InlineData("*", "'*'")]
    [InlineData("https://example.com/api/v1/pods", "origin-form")]
    [InlineData("api/v1/pods", "origin-form")]
    // Percent-encoded '/'.
    [InlineData("/api/v1/namespaces/default/pods%2Fx", "%2F")]
    [InlineData("/api/v1/namespaces/default/pods%2fx", "%2F")]
    // Percent-encoded unreserved characters (ALPHA DIGIT - . _ ~).
    [InlineData("/api/v1/namespaces/default/%73ecrets", "unreserved")]
    [InlineData("/api/v1/namespaces/default/secr%65ts", "unreserved")]
    [InlineData("/%41pi/v1/pods", "unreserved")]
    [InlineData("/api/v1/namespaces/default/pods/%2e%2e/secrets", "unreserved")]
    [InlineData("/api/v1/namespaces/default/pods/%2E", "unreserved")]
    [InlineData("/api/v1/pods/a%2Db", "unreserved")]
    [InlineData("/api/v1/pods/a%5Fb", "unreserved")]
    [InlineData("/api/v1/pods/a%7Eb", "unreserved")]
    [InlineData("/api/v%31/pods", "unreserved")]
    // Dot segments.
    [InlineData("/api/v1/namespaces/default/pods/../secrets", "dot segment")]
    [InlineData("/api/v1/namespaces/default/pods/./p", "dot segment")]
    [InlineData("/api/v1/namespaces/default/pods/..", "dot segment")]
    [InlineData("/api/v1/namespaces/default/pods/.", "dot segment")]
    [InlineData("/..", "dot segment")]
    [InlineData("/api/v1/namespaces/default/pods/..?watch=1", "dot segment")]
    // Empty segments.
    [InlineData("/api/v1/namespaces//pods", "empty segment")]
    [InlineData("//api/v1/pods", "empty segment")]
    [InlineData("/api/v1/pods/", "empty segment")]
    [InlineData("/api/v1/pods//?watch=1", "empty segment")]
    // Backslash.
    [InlineData("/api\\v1\\pods", "backslash")]
    [InlineData("/api/v1/pods%5Cx", "backslash")]
    [InlineData("/api/v1/pods%5cx", "backslash")]
    [InlineData("/api/v1/pods?labelSelector=a\\b", "backslash")]
    // Control characters, raw or encoded, in the path or the query.
    [InlineData("/api/v1/pods\u0000", "control character")]
    [InlineData("/api/v1/pods\t", "control character")]
    [InlineData("/api/v1/pods\u007F", "control character")]
    [InlineData("/api/v1/pods%00", "control character")]
    [InlineData("/api/v1/pods%0A", "control character")]
    [InlineData("/api/v1/pods%1f", "control character")]
    [InlineData("/api/v1/pods%7F", "control character")]
    [InlineData("/api/v1/pods?watch=%0A", "control character")]
    [InlineData("/api/v1/pods?x=\r", "control character")]
    // Invalid UTF-8 after decoding.
    [InlineData("/api/v1/pods%FF", "UTF-8")]
    [InlineData("/api/v1/pods/%C0%AF", "UTF-8")]
    [InlineData("/api/v1/pods/%ED%A0%80", "UTF-8")]
    [InlineData("/api/v1/pods/%E2%9C", "UTF-8")]
    [InlineData("/api/v1/pods?labelSelector=%FF", "UTF-8")]
    // Fragments.
    [InlineData("/api/v1/pods#frag", "fragment")]
    [InlineData("/api/v1/pods?watch=1#x", "fragment")]
    // Invalid percent-escapes.
    [InlineData("/api/v1/pods%zz", "percent-escape")]
    [InlineData("/api/v1/pods%4", "percent-escape")]
    [InlineData("/api/v1/pods%", "percent-escape")]
    [InlineData("/api/v1/pods?watch=%zz", "percent-escape")]
    // Raw space and raw non-ASCII.
    [InlineData("/api/v1/pods x", "raw space")]
    [InlineData("/api/v1/namespaces/d\u00E9faut/pods", "non-ASCII")]
    [InlineData("/api/v1/pods?l=\u00E9", "non-ASCII")]
    // Duplicated significant parameters, compared after decoding.
    [InlineData("/api/v1/pods?watch=0&watch=1", "'watch'")]
    [InlineData("/api/v1/pods?w%61tch=1&watch=0", "'watch'")]
    [InlineData("/api/v1/pods?watch=1&x=2&wat%63h=0", "'watch'")]
    [InlineData("/api/v1/pods?fieldSelector=a%3Db&fieldSelector=c%3Dd", "'fieldSelector'")]
    [InlineData("/api/v1/pods?labelSelector=a&labelSelector", "'labelSelector'")]
    [InlineData("/api/v1/pods?dryRun=All&dryRun=", "'dryRun'")]
    [InlineData("/api/v1/pods?as=Table&as=PartialObjectMetadata", "'as'")]
    // ';' in a pair that names a significant parameter.
    [InlineData("/api/v1/pods?watch=1;x", "';'")]
    [InlineData("/api/v1/pods?a=1;watch=1", "';'")]
    [InlineData("/api/v1/pods?fieldSelector=metadata.name%3Dx;y", "';'")]
    [InlineData("/api/v1/pods?w%61tch=1;x", "';'")]
    public void TryNormalize_AmbiguousTarget_IsRefusedWithAReason(string rawTarget, string reason)
    {
        var ok = RequestTargetNormalizer.TryNormalize(rawTarget, out var target, out var error);

        Assert.False(ok);
        Assert.Null(target);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_MoreParametersThanGoReads_IsRefused()
    {
        var rawTarget = "/api/v1/pods?" + string.Join('&', Enumerable.Repeat("a=1", QueryParameters.MaxParameters + 1));

        var ok = RequestTargetNormalizer.TryNormalize(rawTarget, out _, out var error);

        Assert.False(ok);
        Assert.Contains("10000", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/namespaces/default/pods?limit=500", "/api/v1/namespaces/default/pods", "limit=500")]
    [InlineData("/apis/apps/v1/namespaces/default/deployments/web/scale", "/apis/apps/v1/namespaces/default/deployments/web/scale", "")]
    [InlineData("/api/v1/namespaces/default/pods/p/log?container=c&follow=true", "/api/v1/namespaces/default/pods/p/log", "container=c&follow=true")]
    [InlineData("/api/v1/namespaces/kube-system/secrets?labelSelector=a%3Db%2Cc%21%3Dd", "/api/v1/namespaces/kube-system/secrets", "labelSelector=a%3Db%2Cc%21%3Dd")]
    [InlineData("/k8s/demo/api/v1/namespaces/default/pods?watch=1", "/k8s/demo/api/v1/namespaces/default/pods", "watch=1")]
    [InlineData("/api/v1/namespaces/default/pods/p%3A8080/proxy", "/api/v1/namespaces/default/pods/p:8080/proxy", "")]
    [InlineData("/api/v1/namespaces/default/configmaps/caf%C3%A9", "/api/v1/namespaces/default/configmaps/caf\u00E9", "")]
    [InlineData("/api/v1/pods/a%25b", "/api/v1/pods/a%b", "")]
    [InlineData("/api/v1/pods/...", "/api/v1/pods/...", "")]
    [InlineData("/api/v1/pods/.hidden/a..b", "/api/v1/pods/.hidden/a..b", "")]
    [InlineData("/api/v1/pods?", "/api/v1/pods", "")]
    [InlineData("/api?timeout=32s", "/api", "timeout=32s")]
    [InlineData("/", "/", "")]
    public void TryNormalize_UnambiguousTarget_ReturnsDecodedPathAndRawQuery(string rawTarget, string path, string rawQuery)
    {
        var ok = RequestTargetNormalizer.TryNormalize(rawTarget, out var target, out var error);

        Assert.True(ok, error);
        Assert.Equal(path, target!.Path);
        Assert.Equal(rawQuery, target.RawQuery);
    }

    [Fact]
    public void TryNormalize_KubectlLabelSelector_IsDecodedInTheQuery()
    {
        Assert.True(RequestTargetNormalizer.TryNormalize("/api/v1/namespaces/kube-system/secrets?labelSelector=a%3Db%2Cc%21%3Dd", out var target, out _));

        Assert.Equal("a=b,c!=d", target.Query.Get("labelSelector"));
    }

    [Theory]
    [MemberData(nameof(SignificantKeys))]
    public void TryNormalize_SignificantParameterOnce_IsAccepted(string key)
    {
        Assert.True(RequestTargetNormalizer.SignificantQueryParameters.Contains(key), $"{key} is not in the significant set");
        Assert.True(RequestTargetNormalizer.TryNormalize($"/api/v1/pods?{key}=1", out var target, out var error), error);
        Assert.Equal("1", target.Query.Get(key));
    }

    [Theory]
    [MemberData(nameof(SingleValuedSignificantKeys))]
    public void TryNormalize_SignificantParameterTwice_IsRefused(string key)
    {
        Assert.False(RequestTargetNormalizer.TryNormalize($"/api/v1/pods?{key}=1&x=y&{key}=2", out _, out var error));
        Assert.Contains($"'{key}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SingleValuedSignificantKeys))]
    public void TryNormalize_SignificantParameterTwiceOnceEncoded_IsRefused(string key)
    {
        // The first character percent-encoded: a different raw key, the same key once decoded.
        var encoded = $"%{(int)key[0]:X2}{key[1..]}";

        Assert.False(RequestTargetNormalizer.TryNormalize($"/api/v1/pods?{encoded}=1&{key}=2", out _, out var error));
        Assert.Contains($"'{key}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_RepeatedExecCommand_IsAcceptedWithEveryValueInOrder()
    {
        // kubectl exec p -- sh -c "echo hi": Go reads every command value, in order, into PodExecOptions.Command.
        const string RawTarget = "/api/v1/namespaces/default/pods/p/exec?command=sh&command=-c&command=echo+hi&container=c&stdout=true";

        Assert.True(RequestTargetNormalizer.TryNormalize(RawTarget, out var target, out var error), error);
        Assert.Equal(["sh", "-c", "echo hi"], target.Query.GetAll("command"));
    }

    [Fact]
    public void TryNormalize_RepeatedExecContainer_IsRefused()
    {
        Assert.False(RequestTargetNormalizer.TryNormalize("/api/v1/namespaces/default/pods/p/exec?command=sh&container=a&container=b", out _, out var error));
        Assert.Contains("'container'", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SignificantKeys))]
    public void TryNormalize_SignificantParameterInPairWithSemicolon_IsRefused(string key)
    {
        Assert.False(RequestTargetNormalizer.TryNormalize($"/api/v1/pods?{key}=1;2", out _, out var error));
        Assert.Contains($"'{key}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KubectlTargets))]
    public void TryNormalize_RealKubectlTarget_IsAcceptedAndClassifiedAsTheApiServerWould(string id)
    {
        var row = KubectlTargetTable.Row(id);
        var rawTarget = (string)row["target"]!;

        // Act and Assert: accepted, and read exactly as Go reads it
        Assert.True(RequestTargetNormalizer.TryNormalize(rawTarget, out var target, out var error), error);
        Assert.True(RequestTargetNormalizer.TryReadLikeApiServer(rawTarget, out var goPath, out var goQuery));
        Assert.Equal(goPath, target.Path);
        Assert.Equal(goQuery.Pairs, target.Query.Pairs);
        var info = RequestInfoResolver.Resolve((string)row["method"]!, target.Path, target.Query);
        var resource = info.Subresource.Length == 0 ? info.Resource : $"{info.Resource}/{info.Subresource}";
        Assert.Equal((string)row["verb"]!, info.Verb);
        Assert.Equal((string)row["resource"]!, resource);
        Assert.Equal((string)row["namespace"]!, info.Namespace);
        Assert.Equal((string)row["name"]!, info.Name);
    }

    [Theory]
    [MemberData(nameof(AcceptedTargets))]
    public void TryNormalize_AcceptedTarget_ReadsExactlyAsGoReadsIt(string rawTarget)
    {
        // The invariant: what the gateway accepts has one reading, and it is the API server's.
        Assert.True(RequestTargetNormalizer.TryNormalize(rawTarget, out var target, out var error), error);
        Assert.True(RequestTargetNormalizer.TryReadLikeApiServer(rawTarget, out var goPath, out var goQuery));

        Assert.Equal(goPath, target.Path);
        Assert.Equal(goQuery.Pairs, target.Query.Pairs);
    }

    [Theory]
    [InlineData("/api/v1/namespaces/default/pods%2Fp", "/api/v1/namespaces/default/pods/p")]
    [InlineData("/api/v1/namespaces/default/pods/../secrets", "/api/v1/namespaces/default/pods/../secrets")]
    [InlineData("/api/v1/namespaces/default/%73ecrets", "/api/v1/namespaces/default/secrets")]
    [InlineData("/api/v1//pods/", "/api/v1//pods/")]
    [InlineData("/api/v1/pods#x", "/api/v1/pods#x")]
    [InlineData("/a+b", "/a+b")]
    [InlineData("*", "*")]
    [InlineData("https://example.com:6443/api/v1/pods", "/api/v1/pods")]
    [InlineData("https://example.com", "")]
    public void TryReadLikeApiServer_RefusedButParseable_ReturnsGosReading(string rawTarget, string path)
    {
        Assert.True(RequestTargetNormalizer.TryReadLikeApiServer(rawTarget, out var goPath, out _));
        Assert.Equal(path, goPath);
    }

    [Fact]
    public void TryReadLikeApiServer_DuplicatedParameter_ReadsTheFirstValue()
    {
        Assert.True(RequestTargetNormalizer.TryReadLikeApiServer("/api/v1/pods?watch=0&watch=1&x=%zz", out _, out var query));

        Assert.Equal("0", query.Get("watch"));
        Assert.Null(query.Get("x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/v1/pods")]
    [InlineData(":/api")]
    [InlineData("/api/v1/pods%zz")]
    [InlineData("/api/v1/pods%FF")]
    [InlineData("/api/v1/pods?q=%FF")]
    [InlineData("/api/v1/pods\u0001")]
    [InlineData("/api/v1/pods?x=\u007F")]
    public void TryReadLikeApiServer_WhereGoFailsOrCannotBeShown_ReturnsFalse(string rawTarget)
    {
        Assert.False(RequestTargetNormalizer.TryReadLikeApiServer(rawTarget, out _, out _));
    }
}
