using Hoop.Gateway.Approvals.Notifications;
using Hoop.Gateway.Hosting;
using YamlDotNet.RepresentationModel;

namespace Hoop.Gateway.Policy;

/// <summary>The checks of the <c>approvals:</c> section (who is notified): secrets stay out, names resolve, addresses are plain.</summary>
internal sealed partial class PolicyChecker
{
    private void CheckNotifications()
    {
        var section = document.Approvals;
        if (Child(Child(section, "teams"), "webhookUrl") is not null)
        {
            Error("/approvals/teams/webhookUrl",
                $"the Teams webhook URL is a secret (anyone who has it can post to the channel): set the app setting {SettingNames.TeamsWebhookUrl} (a Key Vault reference in Azure, https:// only), not the policy");
        }

        if (Child(Child(section, "email"), "smtp") is not null)
        {
            Error("/approvals/email/smtp",
                $"the SMTP server and password are app settings ({SettingNames.SmtpHost}, {SettingNames.SmtpPort}, {SettingNames.SmtpFrom}, {SettingNames.SmtpPassword} as a Key Vault reference), not policy");
        }

        var notifications = NotificationPolicy.Read(document);
        foreach (var (name, addresses) in notifications.EmailToApprovers)
        {
            var at = YamlLocationMap.Child("/approvals/email/toApprovers", name);
            if (!document.Approvers.ContainsKey(name))
            {
                Error(at, $"unknown approvers group '{name}': declare it under 'approvers:' (approve rules name these groups)");
            }

            CheckAddresses(addresses, at);
        }

        CheckAddresses(notifications.EmailTo, "/approvals/email/to");
        if (Child(section, "email") is null || notifications.EmailTo.Count > 0)
        {
            return;
        }

        // An e-mail section that leaves an approve rule's approvers without mail is most likely an oversight.
        foreach (var (roleName, role) in document.Roles)
        {
            for (var i = 0; i < role.Rules.Count; i++)
            {
                var rule = role.Rules[i];
                if (rule.Action == DecisionAction.Approve && rule.Approvers is { Count: > 0 } names && !names.Any(notifications.EmailToApprovers.ContainsKey))
                {
                    Warning($"{YamlLocationMap.Child("/roles", roleName)}/rules/{I(i)}",
                        $"no one is e-mailed about approvals of rule '{rule.Id}': add its approvers ({string.Join(", ", names)}) under approvals.email.toApprovers, or list addresses in approvals.email.to");
                }
            }
        }
    }

    private void CheckAddresses(IReadOnlyList<string> addresses, string at)
    {
        for (var i = 0; i < addresses.Count; i++)
        {
            // The schema's pattern accepts a trailing line break ('$'); a header must never get one.
            if (!EmailAddresses.IsValid(addresses[i]))
            {
                Error($"{at}/{I(i)}", $"'{addresses[i].Trim()}' is not an e-mail address such as bob@example.com (no display name, no spaces, no line breaks)");
            }
        }
    }

    private static YamlNode? Child(YamlNode? node, string key)
        => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
