using Hoop.Gateway.Approvals.Notifications;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

public class NotificationPolicyTests
{
    [Fact]
    public async Task Recipients_EveryoneAndTheRulesApprovers_EachOnceInOrder()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        var policy = NotificationPolicy.Read(bed.Policies.Current);

        Assert.Equal(["oncall@example.test", "bob@example.test"], policy.Recipients(NotificationTestBed.Scale()));
        Assert.Equal(["oncall@example.test", "bob@example.test", "dana@example.test"], policy.Recipients(NotificationTestBed.Scale() with { Approvers = ["sre-leads", "dbas", "sre-leads"] }));
        Assert.Equal(["oncall@example.test"], policy.Recipients(NotificationTestBed.Scale() with { Approvers = ["unmapped"] }));
    }

    [Fact]
    public async Task Read_NoEmailSection_NoRecipients()
    {
        using var bed = await NotificationTestBed.CreateAsync(policyAsset: "policy-no-email.yaml");

        Assert.Empty(NotificationPolicy.Read(bed.Policies.Current).Recipients(NotificationTestBed.Scale()));
    }
}
