using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Wgec.Engine;
using Wgec.Reporting;

namespace Wgec.LanguageServer;

/// <summary>Hover, code actions and code lenses, answered from one finished check of the draft.</summary>
public static class LspFeatures
{
    public const string ExplainCommand = "wgec.explain";

    /// <summary>The document edits are for; with a version, the client refuses them if the text has changed since.</summary>
    public sealed record EditTarget(string Uri, int? Version);

    /// <summary>On a finding: what the rule says and why, how to fix it and where it comes from. On a proposal's heading: its verdicts.</summary>
    public static JsonObject? Hover(DraftCheck check, int offset)
    {
        var line = check.Source.LineIndexOf(offset);
        var found = check.Diagnostics.Where(s => s.Finding is { } d && offset >= d.Start && offset <= d.End).Select(s => s.Finding!).ToList();
        var sb = new StringBuilder();
        foreach (var d in found)
        {
            var rule = d.Rule;
            if (sb.Length > 0) sb.Append("\n\n---\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"**{rule.Id}** {Escape(rule.Title)} · {rule.Characteristic} {rule.PolarityName} · {d.Severity.ToString().ToLowerInvariant()}\n\n");
            sb.Append(Escape(d.Message)).Append("\n\n");
            sb.Append("**Why:** ").Append(Escape(rule.Help)).Append("\n\n");
            var fix = rule.HowToFix ?? rule.Fix?.Description;
            if (fix is not null) sb.Append("**How to fix:** ").Append(Escape(fix)).Append("\n\n");
            if (rule.Fix is { } f) sb.Append(CultureInfo.InvariantCulture, $"**Rewrite:** '{Escape(d.Text)}' → '{Escape(Fixer.MatchCase(d.Text, f.Replacement))}'{(f.Safe ? " (safe: offered as a quick fix)" : " (changes the meaning: review before applying)")}\n\n");
            sb.Append("**From:** ").Append(Escape(rule.Source));
            if (d.Suppression is { } s) sb.Append("\n\n*Accepted:* ").Append(Escape(s.Justification));
        }
        if (sb.Length == 0 && check.ProposalWithHeadingAt(line) is { } p) sb.Append(Verdicts(p, check.Profile));
        if (sb.Length == 0) return null;
        var range = found.Count > 0
            ? Lsp.Range(check.Source, found.Min(d => d.Start), found.Max(d => d.End))
            : Lsp.LineRange(check.Source, line);
        return new JsonObject { ["contents"] = Lsp.Markdown(sb.ToString()), ["range"] = range };
    }

    private static string Verdicts(ProposalResult p, string profile)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**{Escape(p.Proposal.Id)}** · score {p.Score:0.0} (profile {profile})\n\n");
        sb.Append("| characteristic | verdict | evidence |\n|---|---|---|\n");
        foreach (var (code, verdict) in p.Verdicts)
        {
            var evidence = string.Join(", ", p.Diagnostics.Where(d => d.Characteristic == code && !d.IsSuppressed).Select(d => d.Id).Distinct());
            sb.Append(CultureInfo.InvariantCulture, $"| {code} | {verdict.Name()} | {evidence} |\n");
        }
        if (p.Tensions.Count > 0)
            sb.Append("\n**Tensions:** ").Append(string.Join(", ", p.Tensions.Select(t => $"{t.Avoid}↔{t.Include} ({Escape(t.Reason)})")));
        return sb.ToString();
    }

    /// <summary>
    /// For the findings in the range: the rule's fix as a quick fix when it is safe (exactly the marked words), as a
    /// rewrite to review when it changes the meaning; a suppression comment with a reason to fill in (Markdown);
    /// "explain this proposal"; and all safe fixes of the draft at once.
    /// </summary>
    public static JsonArray CodeActions(DraftCheck check, EditTarget target, int start, int end, IReadOnlyList<string>? only)
    {
        var uri = target.Uri;
        var actions = new JsonArray();
        if (check.Result is not { } result) return actions;
        var (safe, suggestions) = Fixer.Edits(result);
        bool Wanted(string kind) => only is null || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));
        var inRange = check.Diagnostics.Where(s => s.Finding is { } d && d.Start <= end && d.End >= start).ToList();
        foreach (var shown in inRange)
        {
            var d = shown.Finding!;
            var edit = safe.FirstOrDefault(e => e.Diagnostic == d);
            var suggestion = suggestions.FirstOrDefault(e => e.Diagnostic == d);
            if (edit is not null && Wanted("quickfix"))
                actions.Add(Action($"Replace '{d.Text}' with '{Replacement(check, edit)}' ({d.Id})", "quickfix", shown, Edit(check, target, [edit]), preferred: true));
            else if (suggestion is not null && Wanted("refactor.rewrite"))
                actions.Add(Action($"Rewrite '{d.Text}' as '{Replacement(check, suggestion)}' — review: {suggestion.Diagnostic.Rule.Fix!.Description} ({d.Id})",
                    "refactor.rewrite", shown, Edit(check, target, [suggestion]), preferred: false));
            // Accepting a finding is for problems; the evidence of a characteristic met (a hint) needs no suppression.
            var problem = shown.Lsp["severity"]!.GetValue<int>() < LspDiagnostics.Hint;
            if (result.Document.Format == Readers.MarkdownReader.Format.Name && problem && Wanted("quickfix"))
            {
                var line = check.Source.LineIndexOf(d.Start);
                var at = check.Source.LineStart(line);
                var indent = new string(check.Source.Text[at..check.Source.LineEnd(line)].TakeWhile(c => c is ' ' or '\t').ToArray());
                var newline = check.Source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                var insert = new JsonObject { ["range"] = Lsp.Range(check.Source, at, at), ["newText"] = $"{indent}<!-- wgec-disable-next-line {d.Id} reason=\"\" -->{newline}" };
                actions.Add(Action($"Accept {d.Id} on this line (a suppression comment; give the reason)", "quickfix", shown,
                    WorkspaceEdit(target, new JsonArray(insert)), preferred: false));
            }
        }
        foreach (var p in ProposalsIn(check, start, end))
            if (Wanted("source"))
                actions.Add(new JsonObject
                {
                    ["title"] = $"Explain proposal {p.Proposal.Id} (as 'wgec explain')", ["kind"] = "source.explain.wgec",
                    ["command"] = ExplainCommandFor(uri, p.Proposal.Id, $"Explain proposal {p.Proposal.Id}"),
                });
        if (safe.Count > 0 && Wanted("source.fixAll"))
            actions.Add(new JsonObject { ["title"] = $"Apply all {safe.Count} safe wgec fixes", ["kind"] = "source.fixAll.wgec", ["edit"] = Edit(check, target, safe) });
        return actions;
    }

    /// <summary>On each proposal's heading: its score and the characteristics it violates; clicking explains it.</summary>
    public static JsonArray CodeLenses(DraftCheck check, string uri)
    {
        var lenses = new JsonArray();
        if (check.Result is not { } result) return lenses;
        foreach (var p in result.Proposals)
        {
            var line = p.Proposal.HeadingLine ?? p.Proposal.Location.StartLine - 1;
            var violated = p.Verdicts.Where(v => v.Verdict == Verdict.Violates).Select(v => v.Code).ToList();
            var title = string.Create(CultureInfo.InvariantCulture, $"wgec {p.Score:0.0}") + (violated.Count > 0 ? " · violates " + string.Join(", ", violated) : " · no violations");
            var at = check.Source.LineStart(Math.Clamp(line, 0, check.Source.LineCount - 1));
            lenses.Add(new JsonObject { ["range"] = Lsp.Range(check.Source, at, at), ["command"] = ExplainCommandFor(uri, p.Proposal.Id, title) });
        }
        return lenses;
    }

    /// <summary>The text 'wgec explain ID FILE' prints, from the firings of the check the editor shows.</summary>
    public static string? Explain(DraftCheck check, string proposalId)
    {
        var p = check.Result?.Proposals.FirstOrDefault(r => r.Proposal.Id == proposalId);
        if (p is null || check.Record?.Firings.GetValueOrDefault(proposalId) is not { } firings) return null;
        return ExplainReport.Render(p, firings, check.Rules!, check.Checker!.LeafNames);
    }

    private static JsonObject ExplainCommandFor(string uri, string id, string title) =>
        new() { ["title"] = title, ["command"] = ExplainCommand, ["arguments"] = new JsonArray(uri, id) };

    private static IEnumerable<ProposalResult> ProposalsIn(DraftCheck check, int start, int end) =>
        check.Result!.Proposals.Where(p => p.Proposal.Start <= end && p.Proposal.End >= start
            || p.Proposal.HeadingLine is { } h && check.Source.LineIndexOf(start) <= h && check.Source.LineIndexOf(end) >= h);

    private static string Replacement(DraftCheck check, Fixer.Edit e) => Fixer.MatchCase(check.Source.Text[e.Start..e.End], e.Replacement);

    private static JsonObject Edit(DraftCheck check, EditTarget target, IEnumerable<Fixer.Edit> edits) =>
        WorkspaceEdit(target, new JsonArray(edits.Select(e => (JsonNode)new JsonObject { ["range"] = Lsp.Range(check.Source, e.Start, e.End), ["newText"] = Replacement(check, e) }).ToArray()));

    private static JsonObject WorkspaceEdit(EditTarget target, JsonArray edits) => target.Version is { } version
        ? new JsonObject
        {
            ["documentChanges"] = new JsonArray(new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = target.Uri, ["version"] = version }, ["edits"] = edits,
            }),
        }
        : new JsonObject { ["changes"] = new JsonObject { [target.Uri] = edits } };

    private static JsonObject Action(string title, string kind, DraftCheck.Shown shown, JsonObject edit, bool preferred) => new()
    {
        ["title"] = title, ["kind"] = kind, ["diagnostics"] = new JsonArray(shown.Lsp.DeepClone()), ["edit"] = edit, ["isPreferred"] = preferred,
    };

    /// <summary>Markdown special characters in rule text shown as themselves.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
