using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hoop.EndToEnd.Tests.Support;

namespace Hoop.EndToEnd.Tests.Masking;

/// <summary>
/// The real kubectl (and raw HTTP bypass attempts) through <c>hoop serve --demo</c>: no original secret or personal value
/// reaches the client; everything else arrives unchanged. Guards invariant 7 in docs/security/invariants.md.
/// </summary>
public sealed class MaskingThroughGatewayTests(NewestKubectlGateway fixture) : IClassFixture<NewestKubectlGateway>
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";

    /// <summary>The seeded web-secret's values (base64 and decoded) and the ones the tests plant.</summary>
    private static readonly string[] Originals = ["czNjcjN0LXBhc3N3MHJk", "s3cr3t-passw0rd", "YWRtaW4=", "hunter2", "aHVudGVyMg==", "jane.doe@example.com", "4111 1111 1111 1111", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N"];

    private static void AssertNoOriginal(string output)
    {
        foreach (var original in Originals)
        {
            Assert.DoesNotContain(original, output, StringComparison.Ordinal);
        }
    }

    private void PlantSecret(string name, JsonObject? extraAnnotations = null)
    {
        var lastApplied = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["stringData"] = new JsonObject { ["password"] = "hunter2" },
        }.ToJsonString();
        var annotations = extraAnnotations ?? [];
        annotations["kubectl.kubernetes.io/last-applied-configuration"] = lastApplied;
        fixture.Cluster.Store.Upsert("", "v1", "secrets", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["annotations"] = annotations },
            ["type"] = "Opaque",
            ["data"] = new JsonObject { ["password"] = "aHVudGVyMg==" },
        });
    }

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string path, string? accept = null, string? acceptEncoding = null)
    {
        using var client = fixture.AgentClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), response);
    }

    [Fact]
    public async Task GetSecretYaml_ThroughGateway_ValuesMaskedKeysKept()
    {
        var result = await fixture.Kubectl.RunAsync("get", "secret", "web-secret", "-n", "default", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNoOriginal(result.Stdout);
        Assert.Contains("  password: W21hc2tlZF0=", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  username: W21hc2tlZF0=", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("name: web-secret", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretJsonpath_Password_IsTheBase64MaskToken()
    {
        var result = await fixture.Kubectl.RunAsync("get", "secret", "web-secret", "-n", "default", "-o", "jsonpath={.data.password}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("W21hc2tlZF0=", result.Stdout.Trim());
    }

    [Fact]
    public async Task DescribeSecret_TypedClient_StillWorks()
    {
        var result = await fixture.Kubectl.RunAsync("describe", "secret", "web-secret", "-n", "default");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("password:  8 bytes", result.Stdout, StringComparison.Ordinal);
        AssertNoOriginal(result.Stdout);
    }

    [Fact]
    public async Task GetSecretsTable_ThroughGateway_ListsNamesAndTheRowsCarryNoValue()
    {
        PlantSecret("table-secret");

        var result = await fixture.Kubectl.RunAsync("get", "secrets", "-n", "default");
        var (status, raw, _) = await GetAsync("api/v1/namespaces/default/secrets", TableAccept);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("web-secret", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("table-secret", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"kind\":\"Table\"", raw, StringComparison.Ordinal);
        AssertNoOriginal(raw);
    }

    [Fact]
    public async Task GetSecretsWatch_ValueChanges_EventArrivesMasked()
    {
        PlantSecret("watched-secret");
        using var watch = fixture.Kubectl.Stream("get", "secret", "watched-secret", "-n", "default", "-w", "-o", "jsonpath={.data.password}{\"\\n\"}");
        Assert.NotNull(await watch.WaitForLineAsync(l => l.Contains("W21hc2tlZF0=", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));

        var patch = await fixture.DirectKubectl.RunAsync("patch", "secret", "watched-secret", "-n", "default", "-p", "{\"data\":{\"password\":\"czNjcjN0LXBhc3N3MHJk\"}}");
        Assert.True(patch.ExitCode == 0, patch.ToString());

        var lines = new List<string>();
        var second = await watch.WaitForLineAsync(l => { lines.Add(l); return lines.Count >= 1; }, TimeSpan.FromSeconds(20));
        Assert.True(second is not null, "no watch event for the change; stderr: " + watch.Stderr);
        Assert.Equal("W21hc2tlZF0=", second);
        Assert.False(watch.HasExited, "the watch should still be open");
    }

    [Fact]
    public async Task Logs_PodPrintsPersonalDataAndToken_MaskedRestOfLineKept()
    {
        var marker = "e2e-" + Guid.NewGuid().ToString("N");
        fixture.Cluster.AppendLog("default", "web-abc12", "web", $"{marker} order paid by jane.doe@example.com card 4111 1111 1111 1111 with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N ok");

        var result = await fixture.Kubectl.RunAsync("logs", "web-abc12", "-n", "default");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertNoOriginal(result.Stdout);
        Assert.Contains($"{marker} order paid by [masked] card [masked] with Authorization: Bearer [masked] ok", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPodsJson_NothingToMask_SameAsDirect()
    {
        var viaGateway = await fixture.Kubectl.RunAsync("get", "pods", "-n", "default", "-o", "json");
        var direct = await fixture.DirectKubectl.RunAsync("get", "pods", "-n", "default", "-o", "json");

        Assert.True(viaGateway.ExitCode == 0, viaGateway.ToString());
        Assert.Equal(direct.Stdout, viaGateway.Stdout);
    }

    [Theory]
    [InlineData("application/vnd.kubernetes.protobuf", null)]
    [InlineData("application/cbor", null)]
    [InlineData("application/json", "gzip")]
    [InlineData("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1", null)]
    [InlineData("application/json;as=Table;g=meta.k8s.io;v=v1", null)]
    public async Task GetSecret_BypassAccept_MaskedOrRefused(string accept, string? encoding)
    {
        PlantSecret("bypass-secret");

        var (status, body, response) = await GetAsync("api/v1/namespaces/default/secrets/bypass-secret?includeObject=Object", accept, encoding);

        AssertNoOriginal(body);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotAcceptable or HttpStatusCode.BadGateway, $"{status}: {body}");
    }

    [Theory]
    [InlineData("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1", "")]
    [InlineData("application/json;as=Table;g=meta.k8s.io;v=v1", "?includeObject=Object")]
    [InlineData("application/json", "?watch=1&timeoutSeconds=1")]
    public async Task ListSecrets_BypassShapes_MaskedOrRefused(string accept, string query)
    {
        PlantSecret("shape-secret");

        var (_, body, _) = await GetAsync("api/v1/namespaces/default/secrets" + query, accept);

        AssertNoOriginal(body);
    }

    [Theory]
    [InlineData("/metadata/annotations/leak", "")]
    [InlineData("/metadata/annotations/leak", "?dryRun=All")]
    [InlineData("/metadata/labels/leak", "?dryRun=All")]
    [InlineData("/metadata/name", "")]
    [InlineData("/metadata/name", "?dryRun=All")]
    public async Task PatchSecret_JsonPatchCopiesAValue_EchoIsMasked(string target, string query)
    {
        var name = "patched-" + Guid.NewGuid().ToString("N")[..8];
        PlantSecret(name);
        using var client = fixture.AgentClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/v1/namespaces/default/secrets/{name}{query}")
        {
            Content = new StringContent($"[{{\"op\":\"copy\",\"from\":\"/data/password\",\"path\":\"{target}\"}}]", Encoding.UTF8, "application/json-patch+json"),
        };

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        AssertNoOriginal(body);
        foreach (var warning in response.Headers.Warning)
        {
            AssertNoOriginal(warning.ToString());
        }
    }

    [Fact]
    public async Task GetHelmRelease_GzipBomb_MaskedWholeQuickly()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[32 * 1024 * 1024]);
        }

        fixture.Cluster.Store.Upsert("", "v1", "configmaps", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "sh.helm.release.v1.bomb.v1", ["namespace"] = "default", ["labels"] = new JsonObject { ["owner"] = "helm" } },
            ["data"] = new JsonObject { ["release"] = Convert.ToBase64String(compressed.ToArray()) },
        });

        var started = DateTime.UtcNow;
        var result = await fixture.Kubectl.RunAsync("get", "configmap", "sh.helm.release.v1.bomb.v1", "-n", "default", "-o", "jsonpath={.data.release}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[masked]", result.Stdout.Trim());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

}
