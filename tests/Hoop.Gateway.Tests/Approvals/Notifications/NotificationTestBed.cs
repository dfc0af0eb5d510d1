using System.Security.Cryptography;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Approvals.Notifications;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

/// <summary>The real parts a notifier needs: a link key in a file secret store, the policy source, the gateway's masker, the message builder.</summary>
internal sealed class NotificationTestBed : IDisposable
{
    public static readonly Uri BaseUrl = new("https://hoop.test:8443");

    private readonly string _directory;

    private NotificationTestBed(string directory, FileSecretStore secrets, PolicySource policies)
    {
        _directory = directory;
        Policies = policies;
        Links = new ApprovalLinks(secrets, new GatewayAddress { BaseUrl = BaseUrl }, TimeProvider.System);
        Messages = new ApprovalMessageBuilder(Links, new PolicyMasker(policies, secrets));
    }

    public PolicySource Policies { get; }

    public ApprovalLinks Links { get; }

    public ApprovalMessageBuilder Messages { get; }

    /// <summary>Fast retries for tests (three attempts, milliseconds apart).</summary>
    public static RetryOptions FastRetry { get; } = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200), AttemptTimeout = TimeSpan.FromSeconds(5) };

    public static string Asset(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "Approvals", "notifications", name));

    /// <summary>A bed over the notifications policy asset, with <c>bob@example.test</c> replaced by <paramref name="bob"/>.</summary>
    public static async Task<NotificationTestBed> CreateAsync(string? bob = null, string policyAsset = "policy.yaml")
    {
        var directory = Path.Combine(Path.GetTempPath(), "hoop-notify-" + Guid.NewGuid().ToString("N"));
        var secrets = new FileSecretStore(directory);
        await secrets.SetSecretAsync(ApprovalLinks.SecretName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var policy = Asset(policyAsset).Replace("bob@example.test", bob ?? "bob@example.test", StringComparison.Ordinal);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SettingNames.Policy] = policy }).Build();
        return new NotificationTestBed(directory, secrets, new PolicySource(configuration, NullLogger<PolicySource>.Instance, TimeProvider.System));
    }

    /// <summary>alice's agent creating a Deployment with <paramref name="body"/>.</summary>
    public static ApprovalRequest CreateDeployment(string body, string contentType = "application/json")
    {
        var now = DateTimeOffset.UtcNow;
        return new ApprovalRequest
        {
            ApprovalId = "ap-" + Guid.NewGuid().ToString("N")[..20],
            SessionId = "s-notify",
            AuditId = Guid.NewGuid().ToString(),
            Requester = "hoop-dev:alice",
            Connection = "demo",
            Method = "POST",
            Target = "/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-client-side-apply",
            ContentType = contentType,
            Body = body,
            Rule = "writes-need-approval",
            Message = "Changes need a person's approval.",
            ApproverGroups = ["sre-leads"],
            Approvers = ["sre-leads"],
            Timeout = TimeSpan.FromMinutes(15),
            Verb = "create",
            ApiGroup = "apps",
            Resource = "deployments",
            Namespace = "default",
            RequestedAt = now,
            ExpiresAt = now.AddMinutes(15),
        };
    }

    /// <summary>alice's agent scaling web to 3 (no workload facts).</summary>
    public static ApprovalRequest Scale() => CreateDeployment(Asset("scale.json"), "application/merge-patch+json") with
    {
        Method = "PATCH",
        Target = "/apis/apps/v1/namespaces/default/deployments/web/scale",
        Verb = "patch",
        Subresource = "scale",
        Name = "web",
    };

    public void Dispose()
    {
        Policies.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
