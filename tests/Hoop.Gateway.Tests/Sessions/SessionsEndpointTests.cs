using System.Text;
using System.Text.Json.Nodes;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Tests.Approvals;
using Hoop.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Tests.Sessions;

/// <summary><c>POST /sessions</c> over HTTP shapes, for a role with <c>sessionApproval</c> (the approval runs for real).</summary>
public sealed class SessionsEndpointTests : IAsyncLifetime
{
    private ApprovalTestHost _approvals = null!;
    private SessionHarness _h = null!;
    private SessionsEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _approvals = await ApprovalTestHost.StartAsync();
        _h = await SessionHarness.StartAsync(_approvals.SessionGate());
        _endpoint = new SessionsEndpoint(new AlicePeople(_h), _h.Service, new GatewayAddress { BaseUrl = new Uri("https://hoop.example") });
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _approvals.DisposeAsync();
    }

    [Fact]
    public async Task Start_GatedRole_202WithTheApprovalThenAfterApproval201WithTheKubeconfig()
    {
        var (pendingCode, pending) = await PostAsync();
        var id = (string)pending["approvalId"]!;
        for (var i = 0; i < 100 && await _approvals.Desk.GetPendingAsync(id) is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(200, (await _approvals.Desk.DecideAsync(id, ApprovalTestHost.Bob, approve: true, comment: null)).StatusCode);
        await _approvals.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false);
        var (startedCode, started) = await PostAsync();

        Assert.Equal(StatusCodes.Status202Accepted, pendingCode);
        Assert.StartsWith("ap-", id, StringComparison.Ordinal);
        Assert.Equal("pending", (string?)pending["state"]);
        Assert.Equal($"waiting for approval {id} by sre-leads (run the same command again once approved)", (string?)pending["message"]);
        Assert.Equal(StatusCodes.Status201Created, startedCode);
        Assert.Equal("gated", (string?)started["role"]);
        Assert.Contains("https://hoop.example/k8s/demo", (string?)started["kubeconfig"], StringComparison.Ordinal);
    }

    private async Task<(int Code, JsonNode Body)> PostAsync()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"connection\":\"demo\",\"role\":\"gated\",\"ttl\":\"30m\",\"reason\":\"outage\"}"));
        var response = new MemoryStream();
        context.Response.Body = response;

        await _endpoint.StartAsync(context);

        return (context.Response.StatusCode, JsonNode.Parse(response.ToArray())!);
    }

    private sealed class AlicePeople(SessionHarness harness) : IPersonAuthenticator
    {
        public ValueTask<PersonAuthentication> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(PersonAuthentication.Success(harness.Alice()));
    }
}
