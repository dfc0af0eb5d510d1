using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Recording;

/// <summary>Records queued for one session's chain, written together (in one transaction when they fit) and in order.</summary>
internal sealed class JournalWrite(IReadOnlyList<JournalDraft> drafts, Session? implicitStart)
{
    public IReadOnlyList<JournalDraft> Drafts { get; } = drafts;

    /// <summary>The session to write a start record for if the chain turns out to be empty.</summary>
    public Session? ImplicitStart { get; } = implicitStart;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int DataBytes => Drafts.Sum(d => d.DataBytes);
}
