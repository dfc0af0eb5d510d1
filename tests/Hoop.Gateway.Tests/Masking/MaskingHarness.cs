using System.Buffers;
using System.Text;
using System.Text.Json;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Tests.Masking;

/// <summary>Runs the maskers over whole inputs and over 1–7-byte chunks (every test asserts every chunking).</summary>
internal static class MaskingHarness
{
    /// <summary>0 = the whole input in one write; the others split it into chunks of that many bytes.</summary>
    public static readonly int[] Chunkings = [0, 1, 2, 3, 4, 5, 6, 7];

    public static Session Session(string id = "session-1") => new(id, "alice", [], "agent", "demo", DateTimeOffset.MaxValue);

    public static MaskingContext Context(string contentType, string resource = "", string verb = "get", string sessionId = "session-1")
        => new(Session(sessionId), new RequestInfo { IsResourceRequest = resource.Length > 0, Resource = resource, Verb = verb, ApiVersion = "v1", Path = "/api/v1/" + resource }, contentType);

    public static string Mask(string input, string contentType = "application/json", string resource = "", int chunk = 0, MaskingOptions? options = null, byte[]? key = null, string sessionId = "session-1")
        => Encoding.UTF8.GetString(MaskBytes(Encoding.UTF8.GetBytes(input), contentType, resource, chunk, options, key, sessionId));

    public static byte[] MaskBytes(byte[] input, string contentType = "application/json", string resource = "", int chunk = 0, MaskingOptions? options = null, byte[]? key = null, string sessionId = "session-1")
    {
        var masker = new ResponseMasker(options ?? MaskingOptions.Default, key).CreateMasker(BodyFormats.Classify(contentType), Context(contentType, resource, sessionId: sessionId));
        var output = new ArrayBufferWriter<byte>();
        if (chunk == 0)
        {
            masker.Write(input, output);
        }
        else
        {
            for (var i = 0; i < input.Length; i += chunk)
            {
                masker.Write(input.AsSpan(i, Math.Min(chunk, input.Length - i)), output);
            }
        }

        masker.Complete(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Masks with every chunking; asserts they all agree and returns the result.</summary>
    public static string MaskAllChunkings(string input, string contentType = "application/json", string resource = "", MaskingOptions? options = null)
    {
        var whole = Mask(input, contentType, resource, 0, options);
        foreach (var chunk in Chunkings.Skip(1))
        {
            Assert.Equal(whole, Mask(input, contentType, resource, chunk, options));
        }

        return whole;
    }

    public static string Asset(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "masking", name));

    /// <summary>A JSON string token for <paramref name="value"/> escaped as the API server does.</summary>
    public static string JsonString(string value) => JsonSerializer.Serialize(value);

    /// <summary>Asserts that none of <paramref name="originals"/> appears in <paramref name="output"/>, also base64- or JSON-encoded.</summary>
    public static void AssertNoneLeaks(string output, IEnumerable<string> originals)
    {
        foreach (var original in originals)
        {
            Assert.DoesNotContain(original, output, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(original)), output, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonString(original)[1..^1], output, StringComparison.Ordinal);
        }
    }
}
