using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.OpenApi;
using Hoop.TestCluster.Protobuf;

namespace Hoop.Gateway.Tests.TestCluster.Protobuf;

/// <summary>Decoding the protobuf bodies kubectl 1.32+ sends for the objects it builds itself.</summary>
public sealed class KubernetesProtobufTests
{
    [Fact]
    public void Decode_Secret_GivesTheJsonTheApiserverWouldSee()
    {
        var secret = new ProtobufWriter()
            .Message(1, new ProtobufWriter().String(1, "api-token").String(2, "").String(3, "default"))
            .Message(2, new ProtobufWriter().String(1, "token").String(2, "s3cr3t"))
            .String(3, "Opaque");

        var decoded = KubernetesProtobuf.Decode(Envelope("v1", "Secret", secret));

        var expected = JsonNode.Parse("""
            {"kind":"Secret","apiVersion":"v1","metadata":{"name":"api-token","namespace":"default"},"data":{"token":"czNjcjN0"},"type":"Opaque"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decode_TimeAndIntOrString_BecomeJsonScalars()
    {
        var service = new ProtobufWriter()
            .Message(1, new ProtobufWriter().String(1, "api").Message(8, new ProtobufWriter()))
            .Message(2, new ProtobufWriter()
                .Message(1, new ProtobufWriter().String(1, "http").Message(4, new ProtobufWriter().Number(1, 1).String(3, "web")))
                .Message(2, new ProtobufWriter().String(1, "app").String(2, "api")));

        var decoded = KubernetesProtobuf.Decode(Envelope("v1", "Service", service));

        var expected = JsonNode.Parse("""
            {"kind":"Service","apiVersion":"v1","metadata":{"name":"api"},"spec":{"ports":[{"name":"http","targetPort":"web"}],"selector":{"app":"api"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decode_UnknownFieldWithData_IsRefusedNotDropped()
    {
        var secret = new ProtobufWriter().Message(1, new ProtobufWriter().String(1, "x")).String(99, "surprise");

        var error = Assert.Throws<ApiException>(() => KubernetesProtobuf.Decode(Envelope("v1", "Secret", secret)));

        Assert.Equal(415, error.Status.Code);
    }

    [Fact]
    public void Decode_KindNotInTheTable_IsRefused()
    {
        var error = Assert.Throws<ApiException>(() => KubernetesProtobuf.Decode(Envelope("batch/v1", "Job", new ProtobufWriter())));

        Assert.Equal(415, error.Status.Code);
    }

    private static byte[] Envelope(string apiVersion, string kind, ProtobufWriter raw) =>
        [.. "k8s\0"u8.ToArray(), .. new ProtobufWriter().Message(1, new ProtobufWriter().String(1, apiVersion).String(2, kind)).Message(2, raw).ToArray()];
}
