using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hoop.Gateway.Masking;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// Builds the <see cref="ApprovalMessage"/> of an approval: the facts, the body masked exactly as the journal masks a request
/// body (the gateway's <see cref="IResponseMasker"/>: secret values never reach a card or a mail), the workload summary read
/// from that masked body, and three signed page links.
/// </summary>
public sealed class ApprovalMessageBuilder
{
    /// <summary>The longest body shown (cards have a size limit; the page shows the whole request).</summary>
    public const int MaxBodyChars = 3000;

    private readonly ApprovalLinks _links;
    private readonly IResponseMasker _masker;

    /// <summary>Creates the builder over the gateway's link signer and masker.</summary>
    public ApprovalMessageBuilder(ApprovalLinks links, IResponseMasker masker)
    {
        _links = links;
        _masker = masker;
    }

    /// <summary>The message for <paramref name="request"/>, with fresh signed links.</summary>
    public async Task<ApprovalMessage> BuildAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var masked = Mask(request);
        var tree = Parse(masked);
        var facts = new List<ApprovalFact>
        {
            new("Requested by", request.Requester),
            new("Session", request.SessionId),
            new("Connection", request.Connection),
            new("Request", request.Method + " " + request.Target),
        };
        if (request.ContentType.Length > 0)
        {
            facts.Add(new ApprovalFact("Content-Type", request.ContentType));
        }

        facts.Add(new ApprovalFact("Rule", request.Rule));
        if (!string.IsNullOrWhiteSpace(request.Message))
        {
            facts.Add(new ApprovalFact("Reason", request.Message));
        }

        if (request.Approvers.Count > 0)
        {
            facts.Add(new ApprovalFact("Approvers", string.Join(", ", request.Approvers)));
        }

        facts.Add(new ApprovalFact("Expires", request.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        var workload = WorkloadReader.Applies(request) ? WorkloadReader.Read(tree).Facts() : [];
        var body = Pretty(masked, tree);
        return new ApprovalMessage
        {
            ApprovalId = request.ApprovalId,
            Command = KubectlText.Command(request, NameFromBody(request, tree)),
            Facts = facts,
            Workload = workload,
            BodySummary = body.Length > MaxBodyChars ? body[..MaxBodyChars] : body,
            BodyTruncated = body.Length > MaxBodyChars,
            ExpiresAt = request.ExpiresAt,
            OpenLink = await _links.CreateAsync(request, null, cancellationToken),
            ApproveLink = await _links.CreateAsync(request, "approve", cancellationToken),
            DenyLink = await _links.CreateAsync(request, "deny", cancellationToken),
        };
    }

    /// <summary>The body as the journal would store it: masked for the requesting session, as its content type.</summary>
    private string Mask(ApprovalRequest request) => ApprovalBody.Mask(request, _masker);

    /// <summary>The masked body as a tree (JSON, or YAML for apply patches); null when it is neither.</summary>
    private static JsonNode? Parse(string masked)
    {
        if (masked.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(masked);
        }
        catch (JsonException)
        {
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(masked));
            return stream.Documents.Count == 1 ? Convert(stream.Documents[0].RootNode, 0) : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > 64)
        {
            return null;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        obj[name] = Convert(value, depth + 1);
                    }
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, depth + 1));
                }

                return array;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" }:
                return JsonValue.Create(true);
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" }:
                return JsonValue.Create(false);
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }

    private static string Pretty(string masked, JsonNode? tree)
        => tree is not null && (masked.TrimStart().StartsWith('{') || masked.TrimStart().StartsWith('['))
            ? tree.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            : masked;

    /// <summary>A create names its object in the body only.</summary>
    private static string? NameFromBody(ApprovalRequest request, JsonNode? tree)
        => request.Verb == "create" && request.Name.Length == 0 && tree is JsonObject obj && obj["metadata"] is JsonObject metadata
            ? metadata["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : null
            : null;
}
