namespace Hoop.Gateway.Sessions;

/// <summary>
/// A fresh look at whether a session may still act, for moments that must not rely on the authenticate stage's cached
/// answer: the consumption of an approval that was held for minutes (DESIGN.md §6).
/// </summary>
public interface ISessionValidity
{
    /// <summary>Null when <paramref name="session"/> is still valid; otherwise why not (ended, expired, unknown).</summary>
    ValueTask<string?> CheckAsync(Session session, CancellationToken cancellationToken = default);
}
