using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Masking;

public sealed class JsonMaskerTests
{
    private const string Table = "application/json;as=Table;v=v1;g=meta.k8s.io";

    /// <summary>Original values planted in the assets: none may reach the output in any form.</summary>
    private static readonly string[] Planted = ["hunter2", "hunter3", "tok-9f8e7d6c", "Pa55w0rd!", "MIIEvQIBADANBg", "sk-live-123456", "s3cr3t-first", "tok-abc123", "jane.doe@example.com", "admin@example.com", "api.example.com"];

    public static TheoryData<string, string, string> Golden() => new()
    {
        // rule 1: secrets by structure, wherever they appear
        { "secret.json", "secrets", "application/json" },
        { "secretlist.json", "secrets", "application/json" },
        { "generic-list.json", "", "application/json" },
        { "secrets-watch.jsonl", "secrets", "application/json;stream=watch" },
        { "secrets-table-object.json", "secrets", Table },
        { "custom-secret.json", "", "application/json" },

        // rule 2: last-applied (also in the PartialObjectMetadata rows of Tables)
        { "secrets-table-metadata.json", "secrets", Table },

        // rule 3: Helm release storage
        { "helm-secret.json", "", "application/json" },
        { "helm-configmap.json", "configmaps", "application/json" },

        // rules 4, 6, 7: env name/value, value before name, secretKeyRef, JSON in annotations, what must survive
        { "pod.json", "pods", "application/json" },

        // rule 9: a Status quoting a value copied from /data/password
        { "status-422.json", "secrets", "application/json" },

        // values remembered as clean are still masked where their place says so (key name, env name, Secret, release)
        { "repeated-values.json", "", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Mask_Asset_MatchesExpectedInEveryChunking(string asset, string resource, string contentType)
    {
        var input = MaskingHarness.Asset(asset);
        var expectedName = asset[..asset.LastIndexOf('.')] + ".expected" + asset[asset.LastIndexOf('.')..];

        var output = MaskingHarness.MaskAllChunkings(input, contentType, resource);

        Assert.Equal(MaskingHarness.Asset(expectedName), output);
        MaskingHarness.AssertNoneLeaks(output, Planted);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
        }
    }

    [Fact]
    public void Mask_ValueRepeatedInCleanAndSecretPlaces_IsKeptOnlyInTheCleanPlaces()
    {
        var output = MaskingHarness.MaskAllChunkings(MaskingHarness.Asset("repeated-values.json"));

        // Kept under note, k, the LOG env value and the Status message; masked under db_password, API_TOKEN,
        // DB_PASSWORD (value before name) and the Secret's data, although the same bytes were found clean before.
        Assert.Equal(4, output.Split("opaque-value-0123456789").Length - 1);
        Assert.Equal(1, output.Split("H4sIAAAAAAAA/opaque-0123456789").Length - 1);
    }

    [Theory]
    [InlineData("configmaplist.json", "configmaps")]
    [InlineData("plain-log.txt", "")]
    public void Mask_NothingToMask_IsByteIdentical(string asset, string resource)
    {
        var input = asset.EndsWith(".txt", StringComparison.Ordinal)
            ? MaskingHarness.JsonString(MaskingHarness.Asset(asset))
            : MaskingHarness.Asset(asset);

        Assert.Equal(input, MaskingHarness.MaskAllChunkings(input, "application/json", resource));
    }

    [Theory]
    [MemberData(nameof(MaskingTables.TextCases), MemberType = typeof(MaskingTables))]
    public void Mask_TextCaseInAJsonString_MatchesTable(TextCase row)
    {
        // The apiserver escapes & < > as \u00XX: the rules match on the decoded value.
        var input = "{\"message\":" + GoString(row.Input) + "}";

        var output = MaskingHarness.MaskAllChunkings(input);

        if (row.Expected == row.Input)
        {
            Assert.Equal(input, output);
        }
        else
        {
            using var document = JsonDocument.Parse(output);
            Assert.Equal(row.Expected, document.RootElement.GetProperty("message").GetString());
        }
    }

    [Fact]
    public void Mask_SecretValueSplitAcrossChunks_NeverLeaks()
    {
        var input = "{\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"},\"stringData\":{\"token\":\"hunter2hunter2\"}}";

        for (var chunk = 1; chunk <= 7; chunk++)
        {
            var output = MaskingHarness.Mask(input, chunk: chunk);
            Assert.Equal("{\"kind\":\"Secret\",\"data\":{\"password\":\"W21hc2tlZF0=\"},\"stringData\":{\"token\":\"[masked]\"}}", output);
        }
    }

    [Fact]
    public void Mask_DataBeforeKindOfASecretRequest_IsHeldAndMasked()
    {
        var input = "{\"metadata\":{\"name\":\"x\"},\"data\":{\"password\":\"aHVudGVyMg==\"}}";

        Assert.Equal("{\"metadata\":{\"name\":\"x\"},\"data\":{\"password\":\"W21hc2tlZF0=\"}}", MaskingHarness.MaskAllChunkings(input, resource: "secrets"));
        Assert.Equal(input, MaskingHarness.MaskAllChunkings(input, resource: "configmaps"));
    }

    [Fact]
    public void Mask_SecretValueCopiedIntoNameOrLabel_IsMaskedThere()
    {
        // json-patch copy /data/password → /metadata/labels/leak, and the decoded value into another label.
        var input = "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"czNjcjN0\",\"labels\":{\"app\":\"web\",\"leak\":\"czNjcjN0\",\"plain\":\"s3cr3t\"}},\"data\":{\"password\":\"czNjcjN0\"}}";

        var output = MaskingHarness.MaskAllChunkings(input, resource: "secrets");

        Assert.Equal("{\"kind\":\"Secret\",\"metadata\":{\"name\":\"[masked]\",\"labels\":{\"app\":\"web\",\"leak\":\"[masked]\",\"plain\":\"[masked]\"}},\"data\":{\"password\":\"W21hc2tlZF0=\"}}", output);
    }

    [Fact]
    public void Mask_DeeplyNestedJson_EndsTheResponse()
    {
        var input = new string('[', 10_000) + new string(']', 10_000);

        Assert.Throws<MaskingException>(() => MaskingHarness.Mask(input));
    }

    [Fact]
    public void Mask_InvalidJson_EndsTheResponse()
    {
        Assert.Throws<MaskingException>(() => MaskingHarness.Mask("{\"kind\":\"Secret\",\"data\":{\"password\":hunter2}}"));
    }

    [Fact]
    public void Mask_TruncatedJson_EndsTheResponse()
    {
        Assert.Throws<MaskingException>(() => MaskingHarness.Mask("{\"kind\":\"Secret\",\"data\":{\"password\":\"aHVu"));
    }

    [Fact]
    public void Mask_InvalidUtf8InAString_IsMaskedOrRefusedNeverPassed()
    {
        var input = Encoding.UTF8.GetBytes("{\"message\":\"password=hunter2 \u0001\"}");
        input[^4] = 0xFF;

        try
        {
            var output = Encoding.UTF8.GetString(MaskingHarness.MaskBytes(input));
            Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        }
        catch (MaskingException)
        {
            // Refusing is as good as masking: the response ends.
        }
    }

    [Fact]
    public void Mask_StringLargerThanTheValueBound_IsMaskedWholeWithoutHoldingIt()
    {
        var options = new MaskingOptions { MaxValueBytes = 1024 };
        var blob = "hunter2-" + new string('x', 50_000);
        var input = "{\"a\":\"b\",\"big\":\"" + blob + "\",\"c\":\"d\"}";

        for (var chunk = 1; chunk <= 7; chunk += 3)
        {
            Assert.Equal("{\"a\":\"b\",\"big\":\"[masked]\",\"c\":\"d\"}", MaskingHarness.Mask(input, chunk: chunk, options: options));
        }

        Assert.Equal("{\"a\":\"b\",\"big\":\"[masked]\",\"c\":\"d\"}", MaskingHarness.Mask(input, chunk: 4096, options: options));
    }

    [Fact]
    public void Mask_HeldObjectLargerThanTheBound_EndsTheResponse()
    {
        var options = new MaskingOptions { MaxHeldBytes = 4096 };
        var values = string.Join(',', Enumerable.Range(0, 1000).Select(i => $"\"k{i}\":\"value-{i}\""));
        var input = "{\"data\":{" + values + "},\"kind\":\"Secret\"}";

        Assert.Throws<MaskingException>(() => MaskingHarness.Mask(input, chunk: 512, options: options));
    }

    [Fact]
    public void Mask_GzipBombInHelmRelease_MaskedWholeWithoutDecoding()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[64 * 1024 * 1024]);
        }

        var release = Convert.ToBase64String(compressed.ToArray());
        var input = "{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",\"labels\":{\"owner\":\"helm\"}},\"data\":{\"release\":\"" + release + "\"}}";

        var output = MaskingHarness.Mask(input);

        Assert.Equal("{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",\"labels\":{\"owner\":\"helm\"}},\"data\":{\"release\":\"[masked]\"}}", output);
    }

    [Fact]
    public void Mask_LastAppliedThatIsNotJson_IsMaskedWhole()
    {
        var input = "{\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"{not json password=hunter2\"}}}";

        var output = MaskingHarness.MaskAllChunkings(input);

        Assert.Equal("{\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"[masked]\"}}}", output);
    }

    [Fact]
    public void Mask_LastAppliedTooDeep_IsMaskedWhole()
    {
        var deep = new string('[', 200) + "\"hunter2\"" + new string(']', 200);
        var input = "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":" + MaskingHarness.JsonString(deep) + "}}}";

        Assert.Equal("{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"[masked]\"}}}", MaskingHarness.Mask(input));
    }

    [Fact]
    public void Mask_EscapedAmpersandInAValue_MatchedOnTheDecodedValue()
    {
        var input = "{\"url\":\"https://x.blob.core.windows.net/c?sv=1\\u0026sig=abcDEF123456xyz\\u0026se=2\"}";

        var output = MaskingHarness.MaskAllChunkings(input);

        Assert.Equal("{\"url\":\"https://x.blob.core.windows.net/c?sv=1\\u0026sig=[masked]\\u0026se=2\"}", output);
    }

    [Fact]
    public void Mask_FieldNameWithNumberValue_IsMasked()
    {
        Assert.Equal("{\"spec\":{\"pin\":1,\"password\":\"[masked]\",\"dbPassword\":\"[masked]\"}}", MaskingHarness.MaskAllChunkings("{\"spec\":{\"pin\":1,\"password\":123456,\"dbPassword\":\"x\"}}"));
    }

    /// <summary>A JSON string as Go's encoder writes it (&amp;, &lt;, &gt; escaped).</summary>
    private static string GoString(string value)
        => JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace("&", "\\u0026", StringComparison.Ordinal).Replace("<", "\\u003c", StringComparison.Ordinal).Replace(">", "\\u003e", StringComparison.Ordinal);
}
