namespace Hoop.Gateway.Identity;

/// <summary>App Service Authentication (Easy Auth) in front of the function app.</summary>
public sealed record EasyAuthOptions
{
    /// <summary>
    /// True only when the app runs behind Easy Auth (infra-bicep turns both on together). Then its principal header is
    /// trusted on sign-in routes (never on <c>/k8s/*</c>); when false, that header is refused as a forgery.
    /// </summary>
    public bool Enabled { get; init; }
}
