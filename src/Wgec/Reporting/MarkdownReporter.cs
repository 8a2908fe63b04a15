using System.Globalization;
using System.Text;
using Wgec.Engine;
using Wgec.Rules;
using Wgec.Scoring;

namespace Wgec.Reporting;

/// <summary>A conformance report in GitHub-flavoured Markdown: summary, per-characteristic shares, the matrix.</summary>
public static class MarkdownReporter
{
    public static string Symbol(Verdict v) => v switch { Verdict.Meets => "✓", Verdict.Violates => "✗", _ => "–" };

    public static string Render(CheckResult result)
    {
        var sb = new StringBuilder();
        sb.Append("# WGEC conformance report\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Profile **{result.Profile}** · ✓ meets · ✗ violates · – not addressed · score = {Scorer.Formula}\n\n");
        var summary = ReportSummary.Of(result);
        foreach (var doc in result.Documents)
        {
            var proposals = doc.Proposals;
            sb.Append(CultureInfo.InvariantCulture, $"## {Escape(doc.Document.DisplayPath)}\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"{proposals.Count} proposals · document score **{doc.Score:0.0}**\n\n");
            sb.Append("| characteristic | meets | violates | not addressed |\n|---|---:|---:|---:|\n");
            var counts = summary.Of(doc);
            foreach (var c in result.Characteristics)
            {
                var (m, v, n) = counts[c.Code];
                sb.Append(CultureInfo.InvariantCulture, $"| {c.Code} {Escape(c.Name)} | {m} | {v} | {n} |\n");
            }
            sb.Append("\n| proposal | section | contributor | score | ")
              .Append(string.Join(" | ", result.Characteristics.Select(c => c.Code))).Append(" |\n|---|---|---|---:|")
              .Append(string.Concat(result.Characteristics.Select(_ => ":-:|"))).Append('\n');
            foreach (var p in proposals)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {Escape(p.Proposal.Id)} | {Escape(p.Proposal.Section)} | {Escape(p.Proposal.Contributor)} | {p.Score:0.0} | ");
                sb.Append(string.Join(" | ", result.Characteristics.Select(c => Symbol(p.VerdictOf(c.Code))))).Append(" |\n");
            }
            var tensions = proposals.Where(p => p.Tensions.Count > 0).ToList();
            if (tensions.Count > 0)
            {
                sb.Append("\nTensions: ");
                sb.Append(string.Join("; ", tensions.Select(p => $"{Escape(p.Proposal.Id)} ({string.Join(", ", p.Tensions.Select(t => $"{t.Avoid}↔{t.Include}"))})")));
                sb.Append('\n');
            }
            var duplicates = proposals.SelectMany(p => p.Diagnostics.SelectMany(d => d.Related.Select(r => (p.Proposal.Id, r.ProposalId)))).Distinct().ToList();
            if (duplicates.Count > 0)
                sb.Append("\nNear-duplicates: ").Append(string.Join("; ", duplicates.Select(x => $"{Escape(x.Id)} restates {Escape(x.ProposalId)}"))).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
