namespace Hoop.Gateway.Masking;

/// <summary>Classifies a raw (unescaped) property name without allocating.</summary>
internal static class JsonKeys
{
    public static JsonKey Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("uid"u8) => JsonKey.Uid,
        4 when name.SequenceEqual("kind"u8) => JsonKey.Kind,
        4 when name.SequenceEqual("type"u8) => JsonKey.Type,
        4 when name.SequenceEqual("data"u8) => JsonKey.Data,
        4 when name.SequenceEqual("name"u8) => JsonKey.Name,
        4 when name.SequenceEqual("rows"u8) => JsonKey.Rows,
        5 when name.SequenceEqual("items"u8) => JsonKey.Items,
        5 when name.SequenceEqual("value"u8) => JsonKey.Value,
        5 when name.SequenceEqual("owner"u8) => JsonKey.Owner,
        6 when name.SequenceEqual("object"u8) => JsonKey.Object,
        6 when name.SequenceEqual("labels"u8) => JsonKey.Labels,
        7 when name.SequenceEqual("release"u8) => JsonKey.Release,
        7 when name.SequenceEqual("message"u8) => JsonKey.Message,
        7 when name.SequenceEqual("details"u8) => JsonKey.Details,
        8 when name.SequenceEqual("metadata"u8) => JsonKey.Metadata,
        8 when name.SequenceEqual("selfLink"u8) => JsonKey.SelfLink,
        9 when name.SequenceEqual("immutable"u8) => JsonKey.Immutable,
        9 when name.SequenceEqual("namespace"u8) => JsonKey.Namespace,
        10 when name.SequenceEqual("apiVersion"u8) => JsonKey.ApiVersion,
        10 when name.SequenceEqual("stringData"u8) => JsonKey.StringData,
        10 when name.SequenceEqual("generation"u8) => JsonKey.Generation,
        11 when name.SequenceEqual("annotations"u8) => JsonKey.Annotations,
        13 when name.SequenceEqual("managedFields"u8) => JsonKey.ManagedFields,
        15 when name.SequenceEqual("resourceVersion"u8) => JsonKey.ResourceVersion,
        15 when name.SequenceEqual("ownerReferences"u8) => JsonKey.OwnerReferences,
        17 when name.SequenceEqual("creationTimestamp"u8) => JsonKey.CreationTimestamp,
        17 when name.SequenceEqual("deletionTimestamp"u8) => JsonKey.DeletionTimestamp,
        26 when name.SequenceEqual("deletionGracePeriodSeconds"u8) => JsonKey.DeletionGracePeriodSeconds,
        48 when name.SequenceEqual("kubectl.kubernetes.io/last-applied-configuration"u8) => JsonKey.LastApplied,
        _ => JsonKey.Other,
    };

    /// <summary>Whether a Secret's metadata keeps this field (issue 6 rule 1, plus fields that cannot carry content).</summary>
    public static bool IsSecretMetadataAllowed(JsonKey key) => key is JsonKey.Name or JsonKey.Namespace or JsonKey.Uid
        or JsonKey.ResourceVersion or JsonKey.Labels or JsonKey.CreationTimestamp or JsonKey.OwnerReferences or JsonKey.ManagedFields
        or JsonKey.Generation or JsonKey.DeletionTimestamp or JsonKey.DeletionGracePeriodSeconds or JsonKey.SelfLink;
}
