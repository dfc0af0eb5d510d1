namespace Hoop.Gateway.Recording;

/// <summary>The outcome of authenticating an auditor: who, or why not.</summary>
public sealed record AuditorAuthentication(string? Auditor, string? Failure)
{
    public bool Succeeded => Auditor is not null;

    public static AuditorAuthentication Success(string auditor) => new(auditor, null);

    public static AuditorAuthentication Fail(string failure) => new(null, failure);
}
