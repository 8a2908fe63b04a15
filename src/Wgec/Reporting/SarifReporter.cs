using System.Text.Json;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Rules;

namespace Wgec.Reporting;

/// <summary>
/// SARIF 2.1.0: one run; the driver lists every rule of the run; results carry the region on a path relative
/// to the repository root (uriBaseId SRCROOT), a partial fingerprint that survives moved lines, related
/// locations for cross-proposal findings, and suppressions for accepted findings.
/// </summary>
public static class SarifReporter
{
    public const string FingerprintKey = "wgecFindingHash/v1";

    public static void Write(CheckResult result, RuleSet rules, string repositoryRoot, TextWriter output)
    {
        var allRules = rules.Rules.Select(r => r.Descriptor).Concat(BuiltInRules.All).ToList();
        var index = allRules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", JsonReporter.ToolName);
            w.WriteString("semanticVersion", JsonReporter.Version);
            w.WriteStartArray("rules");
            foreach (var rule in allRules) WriteRule(w, rule, rules);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartObject("properties");
            w.WriteString("profile", result.Profile);
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var doc in result.Documents)
            {
                var uri = Uri(doc.Document.Path, repositoryRoot);
                foreach (var d in doc.AllDiagnostics.Where(d => d.Severity != Severity.None))
                {
                    WriteResult(w, d, uri, index[d.Id], repositoryRoot);
                    JsonOutput.FlushSometimes(w);
                }
                // The min-score gate fails the run, so a code-scanning view must show why.
                foreach (var id in doc.BelowMinScore)
                    WriteResult(w, BuiltInRules.BelowMinScoreFinding(doc.Proposals.First(p => p.Proposal.Id == id), doc.MinScore!.Value), uri, index[BuiltInRules.BelowMinScore.Id], repositoryRoot);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>A relative URI reference: each path segment percent-encoded (a space, '#', '%' or a non-ASCII letter
    /// in a file name would otherwise make it an invalid or different URI).</summary>
    public static string Uri(string path, string repositoryRoot) =>
        string.Join('/', Path.GetRelativePath(repositoryRoot, Path.GetFullPath(path)).Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    private static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>SARIF's names for why a result is suppressed (§3.35.2).</summary>
    private static string SarifKind(SuppressionKind kind) => kind == SuppressionKind.InSource ? "inSource" : "external";

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor rule, RuleSet rules)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", string.Concat(rule.Title.Split(' ', '-', ',').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rule.Help.Trim());
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", $"{rule.Help.Trim()} Source: {rule.Source}.");
        w.WriteString("markdown", rules.Rule(rule.Id) is { } defined ? RuleDocs.Page(defined, rules) : $"**{rule.Title}**\n\n{rule.Help}");
        w.WriteEndObject();
        // helpUri must be absolute in SARIF; the page travels in help.markdown and the path in properties.
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("helpPath", rule.HelpUri);
        w.WriteStartArray("tags");
        w.WriteStringValue(rule.Characteristic);
        w.WriteStringValue(rule.PolarityName);
        w.WriteStringValue("source: " + rule.Source);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Diagnostic d, string uri, int ruleIndex, string root)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.Id);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(d.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", d.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        WritePhysical(w, uri, d.Location, d.Text);
        if (d.ProposalId is { } pid)
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("name", pid);
            w.WriteString("kind", "member");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, d.Fingerprint);
        w.WriteEndObject();
        if (d.Related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            var id = 1;
            foreach (var r in d.Related)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id++);
                WritePhysical(w, Uri(r.Path, root), r.Location, null);
                w.WriteStartObject("message");
                w.WriteString("text", r.Message);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (d.Suppression is { } s)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", SarifKind(s.Kind));
            w.WriteString("justification", s.Justification);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartObject("properties");
        w.WriteString("characteristic", d.Characteristic);
        w.WriteString("polarity", d.Rule.PolarityName);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePhysical(Utf8JsonWriter w, string uri, Location l, string? snippet)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", uri);
        w.WriteString("uriBaseId", "SRCROOT");
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", l.StartLine);
        w.WriteNumber("startColumn", l.StartColumn);
        w.WriteNumber("endLine", l.EndLine);
        w.WriteNumber("endColumn", l.EndColumn);
        if (snippet is not null)
        {
            w.WriteStartObject("snippet");
            w.WriteString("text", snippet);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
