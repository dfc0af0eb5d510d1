namespace Hoop.Gateway.Recording;

/// <summary>One session's chain head at the time of an anchor.</summary>
public sealed record AnchorHead(string Table, string SessionId, long Sequence, string Chain);
