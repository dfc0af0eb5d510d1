using System.Text;

namespace Hoop.Compliance;

/// <summary>Renders the control map as docs/compliance/README.md (the Markdown is generated; edit the YAML).</summary>
internal static class ControlMapRenderer
{
    public static string Render(ControlMap map)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(map.Title).Append("\n\n");
        md.Append("<!-- Generated from controls.yaml by tools/Hoop.Compliance (render); do not edit by hand. -->\n\n");
        md.Append(map.Introduction.Trim()).Append("\n\n");

        md.Append("## Summary (NIST SP 800-53 r5)\n\n");
        md.Append("| Control | Title | Status | SP 800-171 r2 | Tests |\n|---|---|---|---|---|\n");
        foreach (var control in map.Controls)
        {
            md.Append($"| [{control.Id}](#{Anchor(control.Id)}) | {Cell(control.Title)} | {StatusText(control.Status)} | {string.Join(", ", control.Sp800171)} | {control.Tests.Count} |\n");
        }

        md.Append("\n## NIST SP 800-171 r2 requirements\n\n");
        md.Append("| Requirement | Title | Carried by | Status |\n|---|---|---|---|\n");
        foreach (var requirement in map.Requirements)
        {
            var controls = map.Controls.Where(c => c.Sp800171.Contains(requirement.Id)).ToList();
            md.Append($"| {requirement.Id} | {Cell(requirement.Title)} | {string.Join(", ", controls.Select(c => c.Id))} | {StatusText(Weakest(controls))} |\n");
        }

        md.Append("\n## Controls\n");
        foreach (var control in map.Controls)
        {
            md.Append($"\n### {control.Id}: {control.Title}\n\n");
            md.Append($"**Status:** {StatusText(control.Status)}. **SP 800-171 r2:** {string.Join(", ", control.Sp800171)}.\n\n");
            md.Append("**Asks.** ").Append(control.Asks.Trim()).Append("\n\n");
            md.Append("**How the gateway meets it.** ").Append(control.How.Trim()).Append("\n\n");
            md.Append("**Evidence.**\n\n");
            foreach (var evidence in control.Evidence)
            {
                md.Append("- ").Append(evidence.Trim()).Append('\n');
            }

            md.Append("\n**Tests** (each must pass in the run of `scripts/test.sh`).\n\n");
            foreach (var test in control.Tests)
            {
                md.Append("- `").Append(test).Append("`\n");
            }
        }

        return md.ToString();
    }

    private static string StatusText(string status) => status switch
    {
        "met" => "met",
        "partial" => "partial",
        "planned" => "planned — not yet met",
        _ => status,
    };

    /// <summary>The status of a requirement is the weakest of the controls that carry it.</summary>
    private static string Weakest(IReadOnlyList<Control> controls)
        => controls.Count == 0 || controls.Any(c => c.Status == "planned") ? "planned"
            : controls.Any(c => c.Status == "partial") ? "partial" : "met";

    private static string Anchor(string id)
        => new([.. id.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ')]);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
