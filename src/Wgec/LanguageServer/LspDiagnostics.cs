using System.Text.Json.Nodes;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Rules;

namespace Wgec.LanguageServer;

/// <summary>
/// The engine's findings as LSP diagnostics: the marked words as the range, the rule id as the code with its
/// page, "wgec" as the source, the proposal restated as related information. Severity: error, warning and info
/// as set; the evidence of a characteristic met (an info-level "meets" finding) is a hint, so that it shows
/// what works without crowding out what does not.
/// </summary>
public static class LspDiagnostics
{
    public const int Error = 1, Warning = 2, Information = 3, Hint = 4;
    public const int Unnecessary = 1;

    public static IReadOnlyList<DraftCheck.Shown> Of(DocumentResult result, string uri, ServerSettings settings)
    {
        var source = result.Document.Source;
        var shown = new List<DraftCheck.Shown>();
        foreach (var d in result.AllDiagnostics.OrderBy(d => d.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            if (d.Severity == Severity.None) continue;
            if (d.IsSuppressed && !settings.ShowSuppressed) continue;
            var evidence = d.Polarity == Polarity.Meets && d.Severity == Severity.Info;
            if (evidence && !settings.ShowEvidence) continue;
            shown.Add(new DraftCheck.Shown(d, Diagnostic(d, source, uri, evidence)));
        }
        // The min-score gate is the same finding SARIF shows (WGEC0005), on the proposal's heading.
        foreach (var id in result.BelowMinScore)
        {
            var gate = BuiltInRules.BelowMinScoreFinding(result.Proposals.First(r => r.Proposal.Id == id), result.MinScore!.Value);
            shown.Add(new DraftCheck.Shown(gate, Diagnostic(gate, source, uri, evidence: false)));
        }
        return shown;
    }

    private static JsonObject Diagnostic(Diagnostic d, SourceText source, string uri, bool evidence)
    {
        var severity = d.IsSuppressed || evidence ? Hint : d.Severity switch { Severity.Error => Error, Severity.Warning => Warning, _ => Information };
        var code = d.Characteristic == BuiltInRules.Characteristic ? "" : $" [{d.Characteristic} {d.Rule.PolarityName}]";
        var suppressed = d.Suppression is { } s ? $" (accepted: {(s.Justification.Length > 0 ? s.Justification : "no reason given")})" : "";
        var lsp = new JsonObject
        {
            ["range"] = Lsp.Range(source, d.Start, d.End),
            ["severity"] = severity,
            ["code"] = d.Id,
            ["source"] = "wgec",
            ["message"] = d.Message + code + suppressed,
            ["data"] = new JsonObject { ["fingerprint"] = d.Fingerprint, ["proposal"] = d.ProposalId },
        };
        if (RulePages.UriOf(d.Rule) is { } href) lsp["codeDescription"] = new JsonObject { ["href"] = href };
        if (d.Related.Count > 0)
        {
            lsp["relatedInformation"] = new JsonArray(d.Related.Select(r => (JsonNode)new JsonObject
            {
                ["location"] = new JsonObject
                {
                    ["uri"] = uri,
                    ["range"] = Lsp.Range(source, source.LineStart(r.Location.StartLine - 1) + r.Location.StartColumn - 1,
                        source.LineStart(r.Location.EndLine - 1) + r.Location.EndColumn - 1),
                },
                ["message"] = r.Message,
            }).ToArray());
        }
        if (d.Rule == BuiltInRules.UnusedSuppression) lsp["tags"] = new JsonArray(Unnecessary);
        return lsp;
    }

    /// <summary>A problem that stopped the check, shown where it is when it is in this draft, else on the first line naming its file.</summary>
    public static DraftCheck.Shown Problem(SourceText source, WgecException e)
    {
        var here = string.Equals(Path.GetFullPath(e.Path), Path.GetFullPath(source.Path), StringComparison.Ordinal);
        var line = here && e.Line is { } l ? l - 1 : 0;
        return new DraftCheck.Shown(null, new JsonObject
        {
            ["range"] = Lsp.LineRange(source, line), ["severity"] = Error, ["code"] = "input", ["source"] = "wgec",
            ["message"] = here ? e.Message + (e.Field is null ? "" : $" [{e.Field}]") + "; nothing else was checked" : e.Describe() + "; this draft was not checked",
        });
    }
}

/// <summary>Where a rule's page is: the generated page shipped beside the tool, else the rule's own file (a custom pack).</summary>
public static class RulePages
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleDescriptor, string> Known = new();

    public static string? UriOf(RuleDescriptor rule)
    {
        var uri = Known.GetValue(rule, r => Find(r) ?? "");
        return uri.Length > 0 ? uri : null;
    }

    private static string? Find(RuleDescriptor rule)
    {
        var page = Path.Combine(AppContext.BaseDirectory, "docs", "rules", rule.Id + ".md");
        if (File.Exists(page)) return Lsp.FileUri(page);
        return rule.SourcePath is { } file && File.Exists(file) ? Lsp.FileUri(file) : null;
    }
}
