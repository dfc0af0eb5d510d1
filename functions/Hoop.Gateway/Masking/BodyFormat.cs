namespace Hoop.Gateway.Masking;

/// <summary>How a body is masked, decided by its media type.</summary>
public enum BodyFormat
{
    /// <summary>JSON: one document, or one per line (watch streams).</summary>
    Json,

    /// <summary>Plain text (logs, health checks) and YAML: line by line.</summary>
    Text,

    /// <summary>Neither JSON nor text (protobuf, CBOR, HTML, an encoded body): never passed on (502).</summary>
    Refused,
}
