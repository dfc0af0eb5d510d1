namespace Hoop.Gateway.Masking;

/// <summary>The property names the JSON masker reacts to (every other name is <see cref="Other"/>).</summary>
internal enum JsonKey : byte
{
    Other,
    Kind,
    ApiVersion,
    Type,
    Immutable,
    Metadata,
    Data,
    StringData,
    Items,
    Object,
    Rows,
    Name,
    Value,
    Annotations,
    Labels,
    Owner,
    Release,
    Message,
    Details,
    LastApplied,

    // The rest of the Secret metadata allow-list.
    Namespace,
    Uid,
    ResourceVersion,
    CreationTimestamp,
    OwnerReferences,
    ManagedFields,
    Generation,
    DeletionTimestamp,
    DeletionGracePeriodSeconds,
    SelfLink,
}
