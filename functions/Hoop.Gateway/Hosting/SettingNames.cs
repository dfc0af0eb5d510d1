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

    /// <summary>Teams workflow webhook URL for approval cards (a Key Vault reference in Azure).</summary>
    public const string TeamsWebhookUrl = "Hoop:Approvals:TeamsWebhookUrl";

    /// <summary>SMTP host for approval e-mail.</summary>
    public const string SmtpHost = "Hoop:Approvals:Smtp:Host";

    /// <summary>SMTP port.</summary>
    public const string SmtpPort = "Hoop:Approvals:Smtp:Port";

    /// <summary>SMTP sender address.</summary>
    public const string SmtpFrom = "Hoop:Approvals:Smtp:From";

    /// <summary>SMTP password (a Key Vault reference in Azure).</summary>
    public const string SmtpPassword = "Hoop:Approvals:Smtp:Password";

    /// <summary>Public base URL of the gateway, used in approval links and agent kubeconfigs.</summary>
    public const string PublicBaseUrl = "Hoop:PublicBaseUrl";

    /// <summary>Durable Task hub name (host.json reads it as <c>%HOOP_TASK_HUB%</c>).</summary>
    public const string TaskHub = "HOOP_TASK_HUB";
}
