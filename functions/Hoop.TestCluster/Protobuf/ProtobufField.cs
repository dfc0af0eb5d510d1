namespace Hoop.TestCluster.Protobuf;

/// <summary>One field of a Kubernetes protobuf message: number, JSON name, type, and whether it is a list or a map.</summary>
/// <param name="Number">The field number.</param>
/// <param name="Name">The JSON name.</param>
/// <param name="Type">A scalar (<c>string</c>, <c>int32</c>...) or a message name (<c>core.v1.PodSpec</c>); for maps, the value type.</param>
/// <param name="IsList">A repeated field.</param>
/// <param name="IsMap">A map with string keys.</param>
internal sealed record ProtobufField(int Number, string Name, string Type, bool IsList, bool IsMap);
