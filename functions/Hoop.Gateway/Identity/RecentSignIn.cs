namespace Hoop.Gateway.Identity;

/// <summary>
/// Acts that widen access (starting a session, deciding an approval) need a person who actively signed in recently, so an
/// agent holding its person's cached token cannot act on it later.
/// </summary>
public static class RecentSignIn
{
    /// <summary>Null when <paramref name="person"/> signed in within <see cref="IdentityOptions.MaxSignInAgeSeconds"/>; else why not (to follow "starting a session ...").</summary>
    public static string? Check(SignedInPerson person, IdentityOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (person.AuthTime is not { } authTime)
        {
            return "needs a sign-in that states when it happened (auth_time): sign in again";
        }

        var maxAge = TimeSpan.FromSeconds(options.MaxSignInAgeSeconds);
        return time.GetUtcNow() - authTime > maxAge + TimeSpan.FromSeconds(options.ClockSkewSeconds)
            ? $"needs a sign-in within the last {maxAge.TotalMinutes:0} minutes: sign in again"
            : null;
    }
}
