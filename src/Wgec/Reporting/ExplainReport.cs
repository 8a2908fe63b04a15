using System.Text;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Rules;

namespace Wgec.Reporting;

/// <summary>Why a proposal's verdicts came out as they did: the rules that fired and their facts, the verdicts with
/// their evidence, the clauses, tensions and score. The same text for 'wgec explain ID FILE' and the editor.</summary>
public static class ExplainReport
{
    public static string Render(ProposalResult p, IEnumerable<Firing> fired, RuleSet rules, IReadOnlyList<string> leafNames)
    {
        var firings = fired.ToList();
        var sb = new StringBuilder();
        var prop = p.Proposal;
        sb.Append($"{prop.Id} ({prop.Source.Path}:{prop.Location.StartLine}-{prop.Location.EndLine})\n\n");
        sb.Append("Rules that fired (NRules firing trace) and the facts they matched:\n");
        foreach (var f in firings.OrderBy(f => f.RuleName, StringComparer.Ordinal).ThenBy(f => f.Matches.Select(m => m.Start).DefaultIfEmpty().Min()))
        {
            var rule = rules.Rule(f.RuleName.Split('/')[0])!;
            sb.Append($"  {f.RuleName} [{rule.Characteristic} {rule.PolarityName}] {rule.Title}\n");
            foreach (var m in f.Matches)
            {
                var (line, col) = prop.Source.Position(prop.Start + m.Start);
                var text = Whitespace.Collapse(prop.SourceSlice(m.Start, m.End));
                sb.Append($"      {leafNames[m.Leaf]} \"{text}\" at ({line},{col}), sentence {m.Sentence + 1}\n");
            }
            if (f.Matches.Length == 0) sb.Append("      (no text fact: the condition is about what the proposal lacks)\n");
        }
        if (firings.Count == 0) sb.Append("  (none)\n");
        sb.Append("\nVerdicts:\n");
        foreach (var (code, verdict) in p.Verdicts)
        {
            var evidence = p.Diagnostics.Where(d => d.Characteristic == code).ToList();
            var c = rules.Characteristic(code);
            var why = evidence.Count > 0
                ? string.Join(", ", evidence.Select(d => $"{d.Id} {d.Rule.PolarityName} \"{d.Text}\"{(d.IsSuppressed ? " (suppressed)" : "")}"))
                : c.Kind == CharacteristicKind.Avoid ? "no violation found (avoid characteristic: met by default)" : "no evidence (include characteristic: not addressed)";
            sb.Append($"  {code,-6} {verdict.Name(),-14} {why}\n");
        }
        sb.Append("\nClauses (who is to act, how strongly, what, by what means):\n");
        var clauses = new Wgec.Analysis.ProposalAnalysis(prop).Clauses;
        string Words(Wgec.Analysis.TextSpan span) => span.IsEmpty ? "-" : "\"" + Whitespace.Collapse(prop.Text[span.Start..span.End]) + "\"";
        foreach (var c in clauses)
            sb.Append($"  {c.Form.ToString().ToLowerInvariant()} {c.Strength.ToString().ToLowerInvariant()}{(c.Negated ? " negated" : "")}{(c.Passive ? " passive" : "")}: actor {Words(c.Actor)} · operative {Words(c.Operative)} · action {Words(c.Action)} · object {Words(c.Object)} · means {Words(c.Means)}\n");
        if (clauses.Count == 0) sb.Append("  (none)\n");
        if (p.Tensions.Count > 0) sb.Append("\nTensions: ").Append(string.Join(", ", p.Tensions.Select(t => $"{t.Avoid}↔{t.Include}"))).Append('\n');
        sb.Append($"\nScore: {p.Score:0.0}\n");
        return sb.ToString();
    }
}
