using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Hoop.Cli;
using Hoop.EndToEnd.Tests.Support;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Sessions;
using Hoop.Tests.Shared;
using k8s;

namespace Hoop.EndToEnd.Tests.Sessions;

/// <summary>
/// The identity issue's "done when", with the real kubectl: a demo user starts a session with the CLI, the agent's
/// kubeconfig works; after <c>hoop session end</c> it gets 401 within the bound and an open <c>kubectl get -w</c> ends;
/// bad tokens are refused, journaled and never forwarded; no token or cluster credential leaks anywhere.
/// </summary>
public sealed class SessionLifecycleTests(ShortRevocationGateway fixture) : IClassFixture<ShortRevocationGateway>
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    private Kubectl KubectlFor(string kubeconfig) => new(fixture.Kubectl.Binary, kubeconfig);

    private async Task<(string Kubeconfig, string Token)> StartSessionAsync(string name)
    {
        var file = Path.Combine(fixture.StateDir, name + ".kubeconfig");
        var exit = await CliApp.RunAsync(
            ["session", "start", "--state-dir", fixture.StateDir, "--as", "alice", "--connection", "demo", "--role", "agent", "--ttl", "30m", "--reason", "e2e: " + name, "--out", file]);
        Assert.Equal(CliApp.Ok, exit);
        var token = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file)).Users.Single().UserCredentials.Token;
        return (file, token);
    }

    [Fact]
    public async Task CliSession_KubeconfigWorks_EndGives401WithinTheBoundAndAnOpenWatchEnds()
    {
        var (kubeconfig, token) = await StartSessionAsync("lifecycle");
        var kubectl = KubectlFor(kubeconfig);

        var pods = await kubectl.RunAsync("get", "pods");
        Assert.True(pods.ExitCode == 0, pods.ToString());
        using var watch = kubectl.Stream("get", "pods", "-w");
        Assert.NotNull(await watch.WaitForLineAsync(l => l.Contains("web-", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));

        var ended = Stopwatch.StartNew();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["session", "end", token[7..31], "--state-dir", fixture.StateDir, "--as", "alice"]));

        KubectlResult after;
        do
        {
            after = await kubectl.RunAsync("get", "namespaces");
        }
        while (after.ExitCode == 0 && ended.Elapsed < TimeSpan.FromSeconds(ShortRevocationGateway.BoundSeconds) + Slack);

        Assert.NotEqual(0, after.ExitCode);
        Assert.Contains("You must be logged in to the server", after.Stderr, StringComparison.Ordinal);
        Assert.True(ended.Elapsed <= TimeSpan.FromSeconds(ShortRevocationGateway.BoundSeconds) + Slack, $"401 came after {ended.Elapsed}");
        Assert.True(await watch.WaitForExitAsync(TimeSpan.FromSeconds(ShortRevocationGateway.BoundSeconds) + Slack), "the open watch did not end");
    }

    [Fact]
    public async Task CliSession_Kubeconfig_HoldsOnlyTheSessionTokenAndTheClusterSeesThePerson()
    {
        var (kubeconfig, token) = await StartSessionAsync("contents");

        var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(kubeconfig));
        var user = config.Users.Single().UserCredentials;
        var text = await File.ReadAllTextAsync(kubeconfig);
        fixture.Cluster.ClearReceived();
        var result = await KubectlFor(kubeconfig).RunAsync("get", "pods", "-n", "default");

        Assert.True(SessionToken.TryParse(token, out _));
        Assert.Null(user.ClientCertificateData);
        Assert.Null(user.ClientKeyData);
        Assert.Null(user.UserName);
        Assert.Null(user.Password);
        Assert.Null(user.AuthProvider);
        Assert.Null(user.ExternalExecution);
        Assert.Null(user.Impersonate);
        Assert.DoesNotContain(fixture.Cluster.BearerToken, text, StringComparison.Ordinal);
        Assert.EndsWith("/k8s/demo", config.Clusters.Single().ClusterEndpoint.Server, StringComparison.Ordinal);
        Assert.True(result.ExitCode == 0, result.ToString());
        var received = fixture.Cluster.Received.Last(r => r.RawTarget.Contains("/pods", StringComparison.Ordinal));
        Assert.Equal(fixture.Gateway.Demo.Session.User, received.Header("Impersonate-User"));
        Assert.Equal("developers", received.Header("Impersonate-Group"));
        Assert.Equal("Bearer " + fixture.Cluster.BearerToken, received.Header("Authorization"));
    }

    [Fact]
    public async Task Agent_ImpersonationHeadersOfItsOwn_AreReplacedByThePerson()
    {
        using var client = fixture.AgentClient();
        fixture.Cluster.ClearReceived();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces");
        request.Headers.Add("Impersonate-User", "system:admin");
        request.Headers.Add("Impersonate-Group", "system:masters");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(fixture.Cluster.Received);
        Assert.Equal(fixture.Gateway.Demo.Session.User, received.Header("Impersonate-User"));
        Assert.Equal("developers", received.Header("Impersonate-Group"));
    }

    public static TheoryData<string> BadK8sCredentials() => ["missing", "malformed", "bad-checksum", "unknown-session", "person-token", "easy-auth-header"];

    [Theory]
    [MemberData(nameof(BadK8sCredentials))]
    public async Task K8s_BadCredential_Is401StatusNotForwardedAndJournaled(string kind)
    {
        using var client = fixture.AgentClient(withToken: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/namespaces");
        var valid = SessionToken.Create(SessionToken.NewSessionId());
        var bearer = kind switch
        {
            "malformed" => "definitely-not-a-token",
            "bad-checksum" => valid[..^1] + (valid[^1] == 'A' ? 'B' : 'A'),
            "unknown-session" => valid,
            "person-token" => await fixture.Gateway.Demo.Identity.IssueTokenAsync("alice"),
            "easy-auth-header" => fixture.Gateway.Demo.SessionToken,
            _ => null,
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (kind == "easy-auth-header")
        {
            request.Headers.Add(EasyAuthHeaders.Principal, EasyAuthPrincipal.Encode([("iss", "x"), ("oid", "y")]));
        }

        fixture.Cluster.ClearReceived();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"kind\":\"Status\"", body, StringComparison.Ordinal);
        Assert.Empty(fixture.Cluster.Received);
        await AssertJournaledAsync(r => r.Contains("on /k8s/demo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sessions_ForgedEasyAuthHeaderOrSessionToken_Are401AndJournaled()
    {
        using var client = fixture.AgentClient(withToken: false);
        client.BaseAddress = fixture.Gateway.Url;
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/sessions");
        forged.Headers.Add(EasyAuthHeaders.Principal, EasyAuthPrincipal.Encode([("iss", "x"), ("oid", "y"), ("groups", "sre-leads")]));
        using var sessionToken = new HttpRequestMessage(HttpMethod.Get, "/sessions");
        sessionToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Gateway.Demo.SessionToken);

        using var forgedResponse = await client.SendAsync(forged);
        using var sessionTokenResponse = await client.SendAsync(sessionToken);

        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sessionTokenResponse.StatusCode);
        await AssertJournaledAsync(r => r.Contains(PersonAuthenticator.ForgedEasyAuth, StringComparison.Ordinal));
        await AssertJournaledAsync(r => r.Contains("/k8s/* only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_NoTokenOrClusterCredential_InVaultValuesResponsesLogsOrJournal()
    {
        var (kubeconfig, token) = await StartSessionAsync("leaks");
        var kubectl = KubectlFor(kubeconfig);
        var outputs = new List<string>();
        foreach (var args in new[] { new[] { "get", "pods", "-A" }, ["get", "secret", "-n", "default"], ["delete", "pod", "db-0", "--dry-run=server"], ["get", "nope"] })
        {
            var result = await kubectl.RunAsync(args);
            outputs.Add(result.Stdout + result.Stderr);
        }

        using var http = fixture.AgentClient(withToken: false);
        http.BaseAddress = fixture.Gateway.Url;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Gateway.Demo.Identity.IssueTokenAsync("alice"));
        outputs.Add(await http.GetStringAsync(new Uri("/sessions", UriKind.Relative)));
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["session", "end", token[7..31], "--state-dir", fixture.StateDir, "--as", "alice"]));
        outputs.Add((await kubectl.RunAsync("get", "pods")).Stderr);

        var journal = await JournalTextAsync();
        var secrets = Directory.GetFiles(Path.Combine(fixture.StateDir, "secrets"))
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        var clusterCredential = fixture.Cluster.BearerToken;
        foreach (var secret in new[] { token, fixture.Gateway.Demo.SessionToken, clusterCredential })
        {
            var body = secret == clusterCredential ? secret : secret[7..];
            Assert.DoesNotContain(outputs, o => o.Contains(body, StringComparison.Ordinal));
            Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(body, StringComparison.Ordinal));
            Assert.DoesNotContain(body, journal, StringComparison.Ordinal);
            Assert.DoesNotContain(
                secrets.Where(s => secret != clusterCredential || !s.Name.StartsWith(DemoCredentialSecret, StringComparison.Ordinal)),
                s => s.Text.Contains(body, StringComparison.Ordinal));
        }

        Assert.Contains(secrets, s => s.Name == "session-" + token[7..31]);
        Assert.NotEmpty(fixture.Logs.Lines);
        Assert.Contains("e2e: leaks", journal, StringComparison.Ordinal);
    }

    private const string DemoCredentialSecret = "conn-demo";

    private async Task FlushAsync()
    {
        if (fixture.Gateway.App.Services.GetService(typeof(IAuditJournal)) is TableJournal journal)
        {
            await journal.FlushAsync();
        }
    }

    /// <summary>Every journal record of every partition, as text (all properties).</summary>
    private async Task<string> JournalTextAsync()
    {
        await FlushAsync();
        var store = (JournalStore)fixture.Gateway.App.Services.GetService(typeof(JournalStore))!;
        var text = new System.Text.StringBuilder();
        await foreach (var entry in new JournalReader(store).ReadAsync())
        {
            foreach (var (key, value) in entry.Entity)
            {
                text.Append(key).Append('=').Append(value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value).Append('\n');
            }
        }

        return text.ToString();
    }

    private async Task AssertJournaledAsync(Func<string, bool> refusal)
    {
        await FlushAsync();
        var store = (JournalStore)fixture.Gateway.App.Services.GetService(typeof(JournalStore))!;
        var messages = new List<string>();
        await foreach (var entry in new JournalReader(store).ReadAsync(JournalSessionAudit.RefusalPartition(DateTimeOffset.UtcNow)))
        {
            if (entry.Kind == JournalRecordKind.Error)
            {
                messages.Add(entry.Text(JournalProperty.Message) ?? "");
            }
        }

        Assert.Contains(messages, m => refusal(m));
    }
}
