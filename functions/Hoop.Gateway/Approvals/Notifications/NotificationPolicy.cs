using Hoop.Gateway.Policy;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// The policy's <c>approvals:</c> section, typed: who receives approval e-mail. <c>email.to</c> receives every approval;
/// <c>email.toApprovers.NAME</c> receives the approvals that the approvers group NAME (declared under <c>approvers:</c>) may
/// decide. Secrets (webhook URL, SMTP server and password) are app settings (<see cref="NotifierSettings"/>), never here.
/// </summary>
public sealed record NotificationPolicy
{
    /// <summary>No recipients (no <c>approvals.email</c> section).</summary>
    public static readonly NotificationPolicy None = new();

    /// <summary>Addresses that receive every approval.</summary>
    public IReadOnlyList<string> EmailTo { get; init; } = [];

    /// <summary>Addresses by approvers group name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> EmailToApprovers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Reads the section of <paramref name="policy"/> (already schema-checked: unexpected shapes are skipped).</summary>
    public static NotificationPolicy Read(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Child(policy.Approvals, "email") is not YamlMappingNode email)
        {
            return None;
        }

        var byApprovers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Child(email, "toApprovers") is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } name })
                {
                    byApprovers[name] = Addresses(value);
                }
            }
        }

        return new NotificationPolicy { EmailTo = Addresses(Child(email, "to")), EmailToApprovers = byApprovers };
    }

    /// <summary>
    /// The e-mail recipients of <paramref name="request"/>: <see cref="EmailTo"/> and the addresses of its approvers groups
    /// (<see cref="ApprovalRequest.Approvers"/>), each once, in order.
    /// </summary>
    public IReadOnlyList<string> Recipients(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipients = new List<string>();
        foreach (var address in EmailTo.Concat(request.Approvers.SelectMany(name => EmailToApprovers.TryGetValue(name, out var list) ? list : [])))
        {
            if (!recipients.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                recipients.Add(address);
            }
        }

        return recipients;
    }

    private static List<string> Addresses(YamlNode? node) => node is YamlSequenceNode sequence
        ? [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0)]
        : [];

    private static YamlNode? Child(YamlMappingNode? node, string key)
        => node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
