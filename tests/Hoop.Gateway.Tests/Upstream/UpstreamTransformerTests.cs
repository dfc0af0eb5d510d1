using System.Net;
using System.Text;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Tests.Masking;
using Hoop.Gateway.Upstream;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Tests.Upstream;

/// <summary>The response side of forwarding: only maskable bodies pass, and they pass masked (invariant 7).</summary>
public sealed class UpstreamTransformerTests
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters: [ { name: c, cluster: { server: "https://127.0.0.1:1" } } ]
        users: [ { name: u, user: { token: t } } ]
        contexts: [ { name: x, context: { cluster: c, user: u } } ]
        current-context: x
        """;

    private static async Task<(bool CopyBody, DefaultHttpContext Context)> TransformAsync(HttpResponseMessage response, bool schemaDocument = false)
    {
        using var connection = await UpstreamConnection.CreateAsync(new UpstreamConnectionSettings { Name = "test", Kubeconfig = Kubeconfig });
        var plan = new ForwardPlan { Connection = connection, Target = "/api/v1/namespaces/default/secrets/x", AuditId = "audit", Masking = MaskingHarness.Context("", "secrets"), SchemaDocument = schemaDocument };
        var transformer = new UpstreamTransformer(plan, new ResponseMasker(MaskingOptions.Default), TimeProvider.System);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Response.Body = new MemoryStream();
        var copy = await transformer.TransformResponseAsync(context, response, CancellationToken.None);
        return (copy, context);
    }

    private static string Written(DefaultHttpContext context) => Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());

    [Theory]
    [InlineData("text/html; charset=utf-8", null)]
    [InlineData("application/vnd.kubernetes.protobuf", null)]
    [InlineData("application/cbor", null)]
    [InlineData("application/octet-stream", null)]
    [InlineData("application/json", "gzip")]
    public async Task TransformResponse_BodyThatCannotBeMasked_Is502AndNothingPassed(string contentType, string? encoding)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("password=hunter2"u8.ToArray()) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (encoding is not null)
        {
            response.Content.Headers.ContentEncoding.Add(encoding);
        }

        var (copy, context) = await TransformAsync(response);

        Assert.False(copy);
        Assert.Equal(StatusCodes.Status502BadGateway, context.Response.StatusCode);
        var body = Written(context);
        Assert.Contains("\"reason\":\"BadGateway\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransformResponse_JsonWithWarning_BodyAndWarningMasked()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}", Encoding.UTF8, "application/json"),
        };
        response.Headers.TryAddWithoutValidation("Warning", "299 - \"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N is deprecated\"");

        var (copy, context) = await TransformAsync(response);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(copy);
        Assert.Equal("299 - \"token [masked] is deprecated\"", context.Response.Headers.Warning.ToString());
        Assert.Equal("{\"kind\":\"Secret\",\"data\":{\"password\":\"W21hc2tlZF0=\"}}", body);
        Assert.Null(context.Response.Headers.ContentLength);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task TransformResponse_OpenApiV2Protobuf_PassesOnlyForTheSchemaDocument(bool schemaDocument, bool passes)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x0a, 0x03, 0x32, 0x2e, 0x30]) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");

        var (copy, context) = await TransformAsync(response, schemaDocument);

        Assert.Equal(passes, copy);
        Assert.Equal(passes ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway, context.Response.StatusCode);
    }

    [Fact]
    public async Task TransformResponse_EmptyBodyWithoutType_Passes()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NoContent) { Content = new ByteArrayContent([]) };

        var (copy, context) = await TransformAsync(response);

        Assert.True(copy);
        Assert.Empty(Written(context));
    }
}
