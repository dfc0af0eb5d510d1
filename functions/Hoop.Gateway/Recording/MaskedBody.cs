namespace Hoop.Gateway.Recording;

/// <summary>A request body as the journal stores it: masked bytes, the keyed hash of the raw bytes, and a note when it could not be masked.</summary>
internal sealed record MaskedBody(ReadOnlyMemory<byte> Masked, string Hash, string? Note);
