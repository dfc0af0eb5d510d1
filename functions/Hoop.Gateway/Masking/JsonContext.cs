namespace Hoop.Gateway.Masking;

/// <summary>How the JSON masker treats the values at a position.</summary>
internal enum JsonContext : byte
{
    /// <summary>Field names, embedded JSON and content rules decide.</summary>
    Normal,

    /// <summary>Every string is masked (keys stay): fields of a Secret outside the allow-list, <c>stringData</c>, Helm release data.</summary>
    MaskAll,

    /// <summary>Every string becomes the base64 mask token: a Secret's <c>data</c>.</summary>
    MaskBase64,

    /// <summary>A value under a secret key: strings and numbers masked; objects below are <see cref="Normal"/>.</summary>
    FieldSecret,

    /// <summary>An object known to be a Secret: its properties go through the allow-list.</summary>
    SecretObject,

    /// <summary>A Secret's <c>metadata</c>: the metadata allow-list.</summary>
    SecretMetadata,

    /// <summary>A Secret's annotations: last-applied masked recursively, every other value masked.</summary>
    SecretAnnotations,

    /// <summary><c>data</c> of an object whose kind is not known yet: held until it is.</summary>
    PendingData,

    /// <summary><c>stringData</c> of an object whose kind is not known yet: held until it is.</summary>
    PendingStringData,

    /// <summary>A Status answering a request on Secrets (and its details): quoted values in messages and <c>details.name</c> are masked.</summary>
    SecretStatus,
}
