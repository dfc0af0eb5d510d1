namespace Hoop.Gateway.Recording;

/// <summary>Requests of one UTC day by decision.</summary>
public sealed record EvidenceDayCount(DateOnly Day, int Allowed, int Blocked, int Approval);
