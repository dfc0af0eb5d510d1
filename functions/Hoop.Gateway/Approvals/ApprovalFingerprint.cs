using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// What an approval is for: method, raw target, Content-Type and the raw body, hashed. Only the volatile fields in
/// <see cref="NormalisedAnnotations"/> are normalised (docs/approvals.md).
/// </summary>
internal static class ApprovalFingerprint
{
    /// <summary>
    /// Annotations whose value is blanked before hashing: <c>kubectl rollout restart</c> stamps the time into the pod template,
    /// so each retry of the same command would otherwise be a new request.
    /// </summary>
    public static readonly IReadOnlyList<string> NormalisedAnnotations = ["kubectl.kubernetes.io/restartedAt"];

    /// <summary>
    /// Computes the fingerprint, or returns <see langword="false"/> with a reason when the body cannot be shown to an approver
    /// exactly as the API server will read it (duplicate JSON keys, YAML anchors or aliases, malformed JSON or YAML).
    /// </summary>
    public static bool TryCompute(string method, string rawTarget, string contentType, ReadOnlySpan<byte> body, out string fingerprint, out string? refusal)
    {
        fingerprint = "";
        refusal = null;
        var normalised = body.ToArray();
        if (body.Length > 0)
        {
            var isYaml = contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase);
            refusal = isYaml ? CheckYaml(body) : CheckJson(body);
            if (refusal is not null)
            {
                return false;
            }

            if (!isYaml)
            {
                normalised = NormaliseJson(body);
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { method, rawTarget, contentType })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        hash.AppendData(BitConverter.GetBytes(normalised.Length));
        hash.AppendData(normalised);
        fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());
        return true;
    }

    /// <summary>Refuses duplicate keys (the API server's decoder keeps the last; an approver reading the first would be misled).</summary>
    private static string? CheckJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var keys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!keys.Peek().Add(name))
                        {
                            return $"the request body has the key \"{name}\" twice: send each key once so the approver sees exactly what runs";
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return "the request body is not valid JSON";
        }

        return null;
    }

    /// <summary>Refuses anchors and aliases: an alias makes the approver read one thing in two places (and can expand hugely).</summary>
    private static string? CheckYaml(ReadOnlySpan<byte> body)
    {
        try
        {
            var parser = new Parser(new StringReader(Encoding.UTF8.GetString(body)));
            while (parser.MoveNext())
            {
                if (parser.Current is AnchorAlias || parser.Current is NodeEvent { Anchor.IsEmpty: false })
                {
                    return "the request body uses YAML anchors or aliases: send it without them so the approver sees exactly what runs";
                }
            }
        }
        catch (YamlException)
        {
            return "the request body is not valid YAML";
        }

        return null;
    }

    private static byte[] NormaliseJson(ReadOnlySpan<byte> body)
    {
        // Only re-serialised when a normalised annotation is present, so every other body is hashed byte for byte.
        var found = false;
        foreach (var name in NormalisedAnnotations)
        {
            found |= body.IndexOf(Encoding.UTF8.GetBytes(name)) >= 0;
        }

        if (!found || JsonNode.Parse(body) is not JsonObject root)
        {
            return body.ToArray();
        }

        foreach (var annotations in AnnotationObjects(root))
        {
            foreach (var name in NormalisedAnnotations)
            {
                if (annotations.ContainsKey(name))
                {
                    annotations[name] = "";
                }
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static IEnumerable<JsonObject> AnnotationObjects(JsonObject root)
    {
        // metadata.annotations (the object itself) and spec.template.metadata.annotations (the pod template).
        if (root["metadata"]?["annotations"] is JsonObject own)
        {
            yield return own;
        }

        if (root["spec"]?["template"]?["metadata"]?["annotations"] is JsonObject template)
        {
            yield return template;
        }
    }
}
