namespace Hoop.Gateway.Recording;

/// <summary>A session boundary on a timeline (start or end).</summary>
internal sealed record SessionEvent(string SessionId, string Kind, DateTimeOffset Time, string User, string Detail);
