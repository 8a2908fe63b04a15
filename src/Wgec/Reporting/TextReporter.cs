using System.Globalization;
using System.Text;
using Wgec.Engine;
using Wgec.Rules;

namespace Wgec.Reporting;

/// <summary>Compiler-style text: "path(line,col): warning WGEC0101: message [GEN]", grouped per proposal with verdicts and score.</summary>
public static class TextReporter
{
    /// <summary>Writes proposal by proposal, so a long report is never held whole.</summary>
    public static void Write(CheckResult result, TextWriter output)
    {
        var sb = new StringBuilder();
        var counts = new Dictionary<Severity, int>();
        var summary = ReportSummary.Of(result);
        foreach (var doc in result.Documents)
        {
            foreach (var p in doc.Proposals)
            {
                var prop = p.Proposal;
                var who = prop.Contributor.Length > 0 ? $" — {prop.Contributor}" : "";
                sb.Append(CultureInfo.InvariantCulture, $"{prop.Id}{who} ({doc.Document.Path}:{prop.Location.StartLine}-{prop.Location.EndLine})\n");
                foreach (var d in p.Diagnostics.Where(d => !d.IsSuppressed)) Line(sb, counts, doc.Document.Path, d, "  ");
                sb.Append("  verdicts: ").Append(string.Join(" · ", p.Verdicts.Select(v => $"{v.Code} {v.Verdict.Name()}"))).Append('\n');
                if (p.Tensions.Count > 0)
                    sb.Append("  tensions: ").Append(string.Join(", ", p.Tensions.Select(t => $"{t.Avoid}↔{t.Include} ({t.Reason})"))).Append('\n');
                sb.Append(CultureInfo.InvariantCulture, $"  score: {p.Score:0.0}\n\n");
                output.Write(sb);
                sb.Clear();
            }
            foreach (var d in doc.Diagnostics.Where(d => !d.IsSuppressed)) Line(sb, counts, doc.Document.Path, d, "");
            foreach (var id in doc.BelowMinScore)
            {
                counts[Severity.Error] = counts.GetValueOrDefault(Severity.Error) + 1; // it fails the gate, so the summary counts it
                sb.Append(CultureInfo.InvariantCulture, $"{doc.Document.Path}: error: proposal {id} scores below the minimum of {doc.MinScore:0.0}\n");
            }
            sb.Append(CultureInfo.InvariantCulture, $"{doc.Document.Path}: {doc.Proposals.Count} proposals, document score {doc.Score:0.0} (profile {result.Profile})\n");
            var verdicts = summary.Of(doc);
            foreach (var c in result.Characteristics)
            {
                var (m, v, n) = verdicts[c.Code];
                sb.Append(CultureInfo.InvariantCulture, $"  {c.Code,-6} meets {m,4}  violates {v,4}  not-addressed {n,4}\n");
            }
            sb.Append('\n');
        }
        var suppressed = result.AllDiagnostics.Count(d => d.Suppression?.Kind == SuppressionKind.InSource);
        sb.Append(CultureInfo.InvariantCulture,
            $"{counts.GetValueOrDefault(Severity.Error)} error(s), {counts.GetValueOrDefault(Severity.Warning)} warning(s), {counts.GetValueOrDefault(Severity.Info)} info");
        if (suppressed > 0) sb.Append(CultureInfo.InvariantCulture, $", {suppressed} suppressed in source");
        if (result.Baselined > 0 || result.BaselineFixed > 0)
            sb.Append(CultureInfo.InvariantCulture, $", {result.Baselined} baselined, {result.BaselineFixed} baseline entries now fixed");
        sb.Append('\n');
        output.Write(sb);
    }

    /// <summary>One compiler-style line: "path(line,col): severity ID: message [CODE]" (no code for the tool's own findings).</summary>
    private static void Line(StringBuilder sb, Dictionary<Severity, int> counts, string path, Diagnostic d, string indent)
    {
        counts[d.Severity] = counts.GetValueOrDefault(d.Severity) + 1;
        var code = d.Characteristic == BuiltInRules.Characteristic ? "" : $" [{d.Characteristic}]";
        sb.Append(CultureInfo.InvariantCulture, $"{indent}{path}({d.Location.StartLine},{d.Location.StartColumn}): {d.Severity.Name()} {d.Id}: {d.Message}{code}\n");
        foreach (var r in d.Related)
            sb.Append(CultureInfo.InvariantCulture, $"{indent}  related: {r.Path}({r.Location.StartLine},{r.Location.StartColumn}): {r.Message}\n");
    }
}
