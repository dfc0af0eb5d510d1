namespace Hoop.Gateway.Sessions;

/// <summary>The answer of <see cref="ISessionApprovalGate.AwaitAsync"/>.</summary>
public sealed record SessionApprovalResult
{
    public required SessionApprovalState State { get; init; }

    /// <summary>The approval's id ("" when none was asked for).</summary>
    public required string ApprovalId { get; init; }

    /// <summary>What to tell the person (pending or refused), safe to show.</summary>
    public string Message { get; init; } = "";

    /// <summary>The journal partition the approval's steps are recorded in.</summary>
    public string JournalPartition { get; init; } = "";
}
