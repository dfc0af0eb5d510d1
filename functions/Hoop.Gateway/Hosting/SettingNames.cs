namespace Hoop.Gateway.Hosting;

/// <summary>
/// Every configuration key (app setting) the gateway reads, in one place. In Azure app settings the <c>:</c> is
/// written <c>__</c> (for example <c>Hoop__PolicyFile</c>). The Bicep template (infra-bicep) sets these; a test
/// (Infra/SettingNamesTests) cross-checks the two lists, so a new setting is added here, in the template's
/// <c>hoopSettings</c> (or marked <see cref="OptionalSettingAttribute"/> here), and in docs/deploy.md.
/// </summary>
public static class SettingNames
{
    /// <summary>Path of the policy YAML file (read and hot-reloaded). Either this or <see cref="Policy"/>.</summary>
    [OptionalSetting("Azure deployments set the policy inline (Hoop:Policy); a file path is for hoop serve and self-hosting.")]
    public const string PolicyFile = "Hoop:PolicyFile";

    /// <summary>The policy YAML itself, inline (for an app setting or Key Vault reference).</summary>
    public const string Policy = "Hoop:Policy";

    /// <summary>Upper bound, in seconds, for a watch's <c>timeoutSeconds</c> (below the platform's ~230 s response cut).</summary>
    [OptionalSetting("The gateway's built-in default applies.")]
    public const string WatchMaxSeconds = "Hoop:Gateway:WatchMaxSeconds";

    /// <summary>Upper bound, in seconds, for a <c>logs -f</c> stream before the gateway ends it cleanly.</summary>
    [OptionalSetting("The gateway's built-in default applies.")]
    public const string LogFollowMaxSeconds = "Hoop:Gateway:LogFollowMaxSeconds";

    /// <summary>Largest request body, in bytes, the gateway buffers (bodies are read whole before the decision).</summary>
    [OptionalSetting("The gateway's built-in default applies.")]
    public const string MaxRequestBodyBytes = "Hoop:Gateway:MaxRequestBodyBytes";

    /// <summary>Key Vault URI for session tokens, link-signing and chain keys, connection credentials.</summary>
    public const string KeyVaultUri = "Hoop:KeyVault:Uri";

    /// <summary>The OIDC issuer people sign in with, exactly as its tokens state <c>iss</c> (Entra: <c>https://login.microsoftonline.com/{tenant}/v2.0</c>).</summary>
    public const string OidcIssuer = "Hoop:Identity:Oidc:Issuer";

    /// <summary>Audiences accepted in sign-in tokens, comma-separated (Entra: <c>api://{client-id},{client-id}</c>).</summary>
    public const string OidcAudience = "Hoop:Identity:Oidc:Audience";

    /// <summary>The immutable claim that names a person (<c>sub</c> by default; Entra: <c>oid</c>). Never an e-mail.</summary>
    public const string OidcUserClaim = "Hoop:Identity:Oidc:UserClaim";

    /// <summary>The claim that lists a person's groups.</summary>
    [OptionalSetting("Default groups (Entra's group claim); roles for app roles.")]
    public const string OidcGroupsClaim = "Hoop:Identity:Oidc:GroupsClaim";

    /// <summary>The issuer's discovery document, when not at the issuer's <c>/.well-known/openid-configuration</c>.</summary>
    [OptionalSetting("Discovery is found under the issuer.")]
    public const string OidcMetadataAddress = "Hoop:Identity:Oidc:MetadataAddress";

    /// <summary>More OIDC issuers (<c>Hoop:Identity:Issuers:0:Issuer</c>, <c>:Audience</c>, <c>:UserClaim</c>, ...).</summary>
    [OptionalSetting("One issuer (Hoop:Identity:Oidc) is enough for Entra ID.")]
    public const string OidcIssuers = "Hoop:Identity:Issuers";

    /// <summary>True when the app runs behind App Service Authentication: only then is its principal header trusted (never on /k8s/*).</summary>
    public const string EasyAuthEnabled = "Hoop:Identity:EasyAuth:Enabled";

    /// <summary>How recent, in seconds, a sign-in must be to start a session (auth_time, AuthnInstant).</summary>
    [OptionalSetting("The gateway's built-in default applies (900).")]
    public const string MaxSignInAgeSeconds = "Hoop:Identity:MaxSignInAgeSeconds";

    /// <summary>Clock skew allowed on token and assertion times, in seconds (at most 300).</summary>
    [OptionalSetting("The gateway's built-in default applies (60).")]
    public const string ClockSkewSeconds = "Hoop:Identity:ClockSkewSeconds";

    /// <summary>Least time, in seconds, between two key refreshes forced by an unknown kid.</summary>
    [OptionalSetting("The gateway's built-in default applies (300).")]
    public const string KeyRefreshCooldownSeconds = "Hoop:Identity:KeyRefreshCooldownSeconds";

    /// <summary>The SAML IdP's metadata XML, inline.</summary>
    [OptionalSetting("SAML sign-in is off unless this or the metadata URL is set, with the entity id.")]
    public const string SamlIdpMetadata = "Hoop:Identity:Saml:IdpMetadata";

    /// <summary>HTTPS address of the SAML IdP's metadata.</summary>
    [OptionalSetting("SAML sign-in is off unless this or the inline metadata is set, with the entity id.")]
    public const string SamlIdpMetadataUrl = "Hoop:Identity:Saml:IdpMetadataUrl";

    /// <summary>This gateway's SAML entity id (the Audience assertions must name).</summary>
    [OptionalSetting("SAML sign-in is off unless set.")]
    public const string SamlEntityId = "Hoop:Identity:Saml:EntityId";

    /// <summary>The SAML attribute that lists a person's groups.</summary>
    [OptionalSetting("Default: Entra ID's groups claim URI.")]
    public const string SamlGroupsAttribute = "Hoop:Identity:Saml:GroupsAttribute";

    /// <summary>The revocation bound, in seconds: how long a validated session is trusted before the vault is read again.</summary>
    [OptionalSetting("The gateway's built-in default applies (15).")]
    public const string SessionValidationCacheSeconds = "Hoop:Sessions:ValidationCacheSeconds";

    /// <summary>A session's lifetime, in seconds, when the request names none (capped by the role's maxSession).</summary>
    [OptionalSetting("The gateway's built-in default applies (3600).")]
    public const string SessionDefaultTtlSeconds = "Hoop:Sessions:DefaultTtlSeconds";

    /// <summary>Table service URI of the audit journal (identity-based access).</summary>
    public const string JournalTableUri = "Hoop:Journal:TableServiceUri";

    /// <summary>Blob container URI (WORM) for the daily chain anchors.</summary>
    public const string AnchorContainerUri = "Hoop:Journal:AnchorContainerUri";

    /// <summary>A storage connection string for the journal instead of <see cref="JournalTableUri"/> (Azurite, self-hosting).</summary>
    [OptionalSetting("Azure uses the Table service URI with the managed identity; a connection string is for Azurite and self-hosting.")]
    public const string JournalConnectionString = "Hoop:Journal:ConnectionString";

    /// <summary>Prefix of the journal's monthly tables (default <c>hoopjournal</c>).</summary>
    [OptionalSetting("The gateway's built-in default applies.")]
    public const string JournalTablePrefix = "Hoop:Journal:TablePrefix";

    /// <summary>A folder for the chain anchors instead of <see cref="AnchorContainerUri"/> (the demo).</summary>
    [OptionalSetting("Azure anchors to the WORM container; a folder is for hoop serve --demo.")]
    public const string AnchorDirectory = "Hoop:Journal:AnchorDirectory";

    /// <summary>Milliseconds after which an open response segment is written (default 1000).</summary>
    [OptionalSetting("The gateway's built-in default applies.")]
    public const string JournalSegmentFlushMilliseconds = "Hoop:Journal:SegmentFlushMilliseconds";

    /// <summary>Response bytes queued for the journal before the stream waits for it (default 1 MiB).</summary>
    [OptionalSetting("The gateway's built-in default applies.")]
    public const string JournalMaxPendingResponseBytes = "Hoop:Journal:MaxPendingResponseBytes";

    /// <summary>Largest response body recorded in full (default 32 MiB).</summary>
    [OptionalSetting("The gateway's built-in default applies.")]
    public const string JournalMaxRecordedBodyBytes = "Hoop:Journal:MaxRecordedBodyBytes";

    /// <summary>How long an approval holds the agent's call, in seconds (default 60; below 230).</summary>
    public const string ApprovalHoldSeconds = "Hoop:Approvals:HoldSeconds";

    /// <summary>Table service URI of the approval ledger (identity-based; in Azure the runtime storage account, beside the Durable Task hub). Unset: approvals stay off in the function app (fail closed).</summary>
    public const string ApprovalLedgerTableUri = "Hoop:Approvals:Ledger:TableServiceUri";

    /// <summary>A storage connection string for the approval ledger instead of <see cref="ApprovalLedgerTableUri"/> (Azurite, self-hosting).</summary>
    [OptionalSetting("Azure uses the Table service URI with the managed identity; a connection string is for Azurite and self-hosting.")]
    public const string ApprovalLedgerConnectionString = "Hoop:Approvals:Ledger:ConnectionString";

    /// <summary>The approval ledger's table (default <c>hoopapprovals</c>; never a journal table name).</summary>
    [OptionalSetting("The gateway's built-in default applies (hoopapprovals).")]
    public const string ApprovalLedgerTableName = "Hoop:Approvals:Ledger:TableName";

    /// <summary>Days an approval ledger row is kept after its last write (default 30; never less than the longest session plus the longest approval plus two days).</summary>
    [OptionalSetting("The gateway's built-in default applies (30).")]
    public const string ApprovalLedgerRetentionDays = "Hoop:Approvals:Ledger:RetentionDays";

    /// <summary>Teams workflow webhook URL for approval cards (a Key Vault reference in Azure).</summary>
    public const string TeamsWebhookUrl = "Hoop:Approvals:TeamsWebhookUrl";

    /// <summary>SMTP host for approval e-mail.</summary>
    public const string SmtpHost = "Hoop:Approvals:Smtp:Host";

    /// <summary>SMTP port.</summary>
    public const string SmtpPort = "Hoop:Approvals:Smtp:Port";

    /// <summary>SMTP sender address.</summary>
    public const string SmtpFrom = "Hoop:Approvals:Smtp:From";

    /// <summary>SMTP user name to sign in with (only when a password is set).</summary>
    [OptionalSetting("The sender address (Hoop:Approvals:Smtp:From) is the user name.")]
    public const string SmtpUser = "Hoop:Approvals:Smtp:User";

    /// <summary>SMTP password (a Key Vault reference in Azure).</summary>
    public const string SmtpPassword = "Hoop:Approvals:Smtp:Password";

    /// <summary>The OIDC issuer approvers sign in with on the approval page (code flow + PKCE); defaults to <see cref="OidcIssuer"/>.</summary>
    [OptionalSetting("Defaults to Hoop:Identity:Oidc:Issuer; behind Easy Auth (Azure) the page uses Easy Auth's sign-in instead.")]
    public const string ApprovalSignInIssuer = "Hoop:Approvals:SignIn:Issuer";

    /// <summary>The gateway's client id for the approval page's browser sign-in (redirect URI <c>{PublicBaseUrl}/approvals/signin/callback</c>).</summary>
    [OptionalSetting("Behind Easy Auth (Azure) the approval page uses Easy Auth's sign-in; the code flow is for gateways without it.")]
    public const string ApprovalSignInClientId = "Hoop:Approvals:SignIn:ClientId";

    /// <summary>The client secret for the approval page's token exchange, when the issuer requires one (a Key Vault reference).</summary>
    [OptionalSetting("PKCE public clients need none; behind Easy Auth the code flow is not used.")]
    public const string ApprovalSignInClientSecret = "Hoop:Approvals:SignIn:ClientSecret";

    /// <summary>Public base URL of the gateway, used in approval links and agent kubeconfigs.</summary>
    public const string PublicBaseUrl = "Hoop:PublicBaseUrl";

    /// <summary>Durable Task hub name (host.json reads it as <c>%HOOP_TASK_HUB%</c>).</summary>
    public const string TaskHub = "HOOP_TASK_HUB";
}
