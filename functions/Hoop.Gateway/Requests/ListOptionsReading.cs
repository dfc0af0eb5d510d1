namespace Hoop.Gateway.Requests;

/// <summary>What the API server takes from the query of a request it first read as a <c>get</c> without a name.</summary>
/// <param name="Decoded">Whether <c>ParameterCodec.DecodeParameters</c> into <c>ListOptions</c> succeeded.</param>
/// <param name="Watch">Whether the request is a watch.</param>
/// <param name="ExactName">The value a parsed field selector requires for <c>metadata.name</c>, or <see langword="null"/>.</param>
internal readonly record struct ListOptionsReading(bool Decoded, bool Watch, string? ExactName);
