namespace Hoop.Gateway.Recording;

/// <summary>Export formats: JSON Lines of Kubernetes <c>audit.k8s.io/v1</c> Events, or CSV.</summary>
public enum AuditExportFormat
{
    Jsonl,
    Csv,
}
