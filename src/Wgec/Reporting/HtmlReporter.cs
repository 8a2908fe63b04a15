using System.Globalization;
using System.Net;
using System.Text;
using Wgec.Engine;
using Wgec.Rules;
using Wgec.Scoring;

namespace Wgec.Reporting;

/// <summary>
/// One self-contained HTML file (inline CSS, JS and SVG; no network): summary with a score histogram and stacked
/// bars per characteristic, a sortable and filterable proposals × characteristics matrix (colour and symbol),
/// aggregates per section and contributor, and every proposal's text with its evidence highlighted in place.
/// </summary>
public static class HtmlReporter
{
    private static string H(string s) => WebUtility.HtmlEncode(s);
    private static string F(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);
    // The style sheet and script are files beside this one (embedded in the assembly), so they can be read and
    // checked as CSS and JavaScript; the report inlines them and stays one self-contained file.
    private static readonly Lazy<string> Style = new(() => Asset("report.css"));
    private static readonly Lazy<string> Script = new(() => Asset("report.js"));

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReporter).Assembly.GetManifestResourceStream("Wgec.Reporting.Assets." + name)
                           ?? throw new InvalidOperationException($"the report asset {name} is not embedded in the assembly");
        var text = new StreamReader(stream).ReadToEnd().ReplaceLineEndings("\n");
        return text.EndsWith('\n') ? text[..^1] : text; // the file's final line end is not part of the asset
    }

    private static string Css(Verdict v) => v switch { Verdict.Meets => "m", Verdict.Violates => "v", _ => "n" };

    public static string Render(CheckResult result)
    {
        var sb = new StringBuilder();
        var summary = ReportSummary.Of(result);
        var all = summary.Proposals;
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>WGEC conformance report</title>\n<style>\n").Append(Style.Value).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>WGEC conformance report</h1>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p>Profile <strong>{H(result.Profile)}</strong> · {all.Count} proposals in {result.Documents.Count} document(s) · ");
        sb.Append(string.Join(" · ", result.Documents.Select(d => $"{H(d.Document.DisplayPath)}: score <strong>{F(d.Score)}</strong>")));
        sb.Append("</p>\n<p class=\"legend\"><span class=\"cell m\">✓</span> meets <span class=\"cell v\">✗</span> violates <span class=\"cell n\">–</span> not addressed · score = " + H(Scorer.Formula) + "</p></header>\n<main>\n");

        // Summary
        sb.Append("<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n<div class=\"charts\">\n");
        sb.Append(Histogram(all.Select(x => x.Proposal.Score).ToList()));
        sb.Append(StackedBars(result, summary.Overall, all.Count));
        sb.Append("</div></section>\n");

        // Matrix
        var sections = all.Select(x => x.Proposal.Proposal.Section).Where(s => s.Length > 0).Distinct().ToList();
        var contributors = all.Select(x => x.Proposal.Proposal.Contributor).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        sb.Append("<section aria-labelledby=\"matrix\"><h2 id=\"matrix\">Matrix</h2>\n<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">\n");
        sb.Append("<label>Section <select id=\"f-section\"><option value=\"\">all</option>");
        foreach (var s in sections) sb.Append($"<option>{H(s)}</option>");
        sb.Append("</select></label>\n<label>Contributor <select id=\"f-contributor\"><option value=\"\">all</option>");
        foreach (var c in contributors) sb.Append($"<option>{H(c)}</option>");
        sb.Append("</select></label>\n<label>Characteristic <select id=\"f-code\"><option value=\"\">any</option>");
        foreach (var c in result.Characteristics) sb.Append($"<option value=\"{c.Code}\">{c.Code} {H(c.Name)}</option>");
        sb.Append("</select></label>\n<label>Verdict <select id=\"f-verdict\"><option value=\"\">any</option><option value=\"m\">meets</option><option value=\"v\">violates</option><option value=\"n\">not addressed</option></select></label>\n");
        sb.Append("<button type=\"button\" id=\"sort-score\" aria-describedby=\"sort-state\">Sort by score</button> <span id=\"sort-state\" aria-live=\"polite\">document order</span> <span id=\"shown\" aria-live=\"polite\"></span>\n</form>\n");
        sb.Append("<div class=\"scroll\"><table id=\"matrix-table\"><caption>Verdict of each proposal on each characteristic</caption>\n<thead><tr><th scope=\"col\">Proposal</th><th scope=\"col\">Section</th><th scope=\"col\">Contributor</th><th scope=\"col\">Score</th>");
        foreach (var c in result.Characteristics) sb.Append($"<th scope=\"col\" title=\"{H(c.Name)}\">{c.Code}</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        var order = 0;
        foreach (var (doc, p) in all)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<tr data-order=\"{order++}\" data-score=\"{F(p.Score)}\" data-section=\"{H(p.Proposal.Section)}\" data-contributor=\"{H(p.Proposal.Contributor)}\"");
            foreach (var c in result.Characteristics) sb.Append($" data-c-{c.Code.ToLowerInvariant()}=\"{Css(p.VerdictOf(c.Code))}\"");
            sb.Append($"><th scope=\"row\"><a href=\"#{Anchor(doc, p)}\">{H(p.Proposal.Id)}</a></th><td>{H(p.Proposal.Section)}</td><td>{H(p.Proposal.Contributor)}</td><td class=\"num\">{F(p.Score)}</td>");
            foreach (var c in result.Characteristics)
            {
                var v = p.VerdictOf(c.Code);
                sb.Append($"<td class=\"cell {Css(v)}\" title=\"{c.Code}: {v.Name()}\"><span aria-label=\"{v.Name()}\">{MarkdownReporter.Symbol(v)}</span></td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div></section>\n");

        // Aggregates
        sb.Append("<section aria-labelledby=\"aggregates\"><h2 id=\"aggregates\">Aggregates</h2>\n");
        sb.Append(Aggregate("By section", summary.BySection, result));
        sb.Append(Aggregate("By contributor", summary.ByContributor, result));
        sb.Append("</section>\n");

        // Proposals
        sb.Append("<section aria-labelledby=\"proposals\"><h2 id=\"proposals\">Proposals</h2>\n");
        var diagnosticIndex = 0;
        var details = new StringBuilder();
        foreach (var (doc, p) in all)
        {
            sb.Append($"<article id=\"{Anchor(doc, p)}\" class=\"proposal\"><h3>{H(p.Proposal.Id)} <small>{H(p.Proposal.Contributor)}</small></h3>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{H(doc.Document.DisplayPath)} lines {p.Proposal.Location.StartLine}–{p.Proposal.Location.EndLine} · score <strong>{F(p.Score)}</strong></p>\n<ul class=\"verdicts\">");
            foreach (var (code, v) in p.Verdicts) sb.Append($"<li class=\"cell {Css(v)}\">{code} {MarkdownReporter.Symbol(v)} <span class=\"sr\">{v.Name()}</span></li>");
            sb.Append("</ul>\n");
            if (p.Tensions.Count > 0)
                sb.Append("<p class=\"tension\">Tension: ").Append(H(string.Join("; ", p.Tensions.Select(t => $"{t.Avoid}↔{t.Include}: {t.Reason}")))).Append("</p>\n");
            foreach (var r in p.Diagnostics.SelectMany(d => d.Related).DistinctBy(r => r.ProposalId))
            {
                var target = all.FirstOrDefault(x => x.Proposal.Proposal.Id == r.ProposalId && x.Document == doc);
                sb.Append($"<p class=\"dup\">Near-duplicate: restates <a href=\"#{(target.Proposal is null ? "" : Anchor(doc, target.Proposal))}\">{H(r.ProposalId)}</a></p>\n");
            }
            var first = diagnosticIndex;
            sb.Append("<blockquote class=\"text\">").Append(Highlight(p, first)).Append("</blockquote>\n");
            foreach (var d in p.Diagnostics)
            {
                details.Append(CultureInfo.InvariantCulture,
                    $"<li id=\"d{diagnosticIndex}\" data-rule=\"{d.Id}\"><strong>{d.Id}</strong> [{d.Characteristic} {d.Rule.PolarityName}] {H(d.Message)} <em>({H(d.Rule.Source)})</em></li>\n");
                diagnosticIndex++;
            }
            sb.Append("</article>\n");
        }
        sb.Append("</section>\n<section aria-labelledby=\"findings\"><h2 id=\"findings\">Findings</h2>\n<p>Select highlighted words to see the rule, its message and the recommendation it comes from.</p>\n");
        sb.Append("<div id=\"detail\" role=\"status\" aria-live=\"polite\" class=\"detail\"></div>\n<ol id=\"diagnostics\" class=\"diagnostics\">\n").Append(details).Append("</ol></section>\n");
        sb.Append("</main>\n<script>\n").Append(Script.Value).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Anchor(DocumentResult doc, ProposalResult p) =>
        "p-" + string.Concat((doc.Document.Path + "-" + p.Proposal.Id).Select(ch => char.IsLetterOrDigit(ch) ? ch : '-'));

    /// <summary>The proposal's source text with every diagnostic span wrapped in a mark that points at its diagnostics.</summary>
    private static string Highlight(ProposalResult p, int firstIndex)
    {
        var prop = p.Proposal;
        var source = prop.Source.Text;
        var cuts = new SortedSet<int> { prop.Start, prop.End };
        foreach (var d in p.Diagnostics) { cuts.Add(Math.Clamp(d.Start, prop.Start, prop.End)); cuts.Add(Math.Clamp(d.End, prop.Start, prop.End)); }
        var points = cuts.ToList();
        var sb = new StringBuilder();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            var text = H(source[a..b]).Replace("\n", "<br>");
            var covering = p.Diagnostics.Select((d, k) => (d, k)).Where(x => x.d.Start <= a && x.d.End >= b && x.d.End > x.d.Start).ToList();
            if (covering.Count == 0) { sb.Append(text); continue; }
            var ids = string.Join(" ", covering.Select(x => "d" + (firstIndex + x.k)));
            var kind = covering.Any(x => x.d.Polarity == Polarity.Violates) ? "v" : "m";
            var title = H(string.Join("; ", covering.Select(x => $"{x.d.Id} [{x.d.Characteristic}] {x.d.Message} — {x.d.Rule.Source}")));
            sb.Append($"<mark class=\"{kind}\" tabindex=\"0\" data-diagnostics=\"{ids}\" title=\"{title}\">{text}</mark>");
        }
        return sb.ToString();
    }

    private static string Aggregate(string title, IReadOnlyList<GroupSummary> groups, CheckResult result)
    {
        var sb = new StringBuilder($"<h3>{H(title)}</h3>\n<div class=\"scroll\"><table><thead><tr><th scope=\"col\">{H(title[3..])}</th><th scope=\"col\">Proposals</th><th scope=\"col\">Mean score</th>");
        foreach (var c in result.Characteristics) sb.Append($"<th scope=\"col\">{c.Code} ✓/✗</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var g in groups)
        {
            sb.Append($"<tr><th scope=\"row\">{H(g.Key)}</th><td class=\"num\">{g.Proposals}</td><td class=\"num\">{F(g.MeanScore)}</td>");
            foreach (var c in result.Characteristics)
                sb.Append($"<td class=\"num\">{g.Counts[c.Code].Meets}/{g.Counts[c.Code].Violates}</td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</tbody></table></div>\n").ToString();
    }

    private static string Histogram(IReadOnlyList<double> scores)
    {
        var bins = new int[10];
        foreach (var s in scores) bins[Math.Min(9, (int)(s / 10))]++;
        var max = Math.Max(1, bins.Max());
        var sb = new StringBuilder("<figure><svg role=\"img\" aria-labelledby=\"hist-title\" viewBox=\"0 0 320 170\" width=\"320\" height=\"170\"><title id=\"hist-title\">Distribution of proposal scores</title>");
        for (var i = 0; i < 10; i++)
        {
            var h = 120.0 * bins[i] / max;
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{20 + i * 29}\" y=\"{140 - h:0.#}\" width=\"26\" height=\"{h:0.#}\"><title>{i * 10}–{i * 10 + 10}: {bins[i]}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{33 + i * 29}\" y=\"155\" text-anchor=\"middle\">{i * 10}</text>");
            if (bins[i] > 0) sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{33 + i * 29}\" y=\"{136 - h:0.#}\" text-anchor=\"middle\">{bins[i]}</text>");
        }
        sb.Append("</svg><figcaption>Proposal scores (0–100), number of proposals per band</figcaption></figure>\n");
        return sb.ToString();
    }

    private static string StackedBars(CheckResult result, IReadOnlyDictionary<string, VerdictCounts> counts, int proposals)
    {
        var n = Math.Max(1, proposals);
        var rows = result.Characteristics.Count;
        var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"<figure><svg role=\"img\" aria-labelledby=\"bars-title\" viewBox=\"0 0 420 {rows * 18 + 10}\" width=\"420\" height=\"{rows * 18 + 10}\"><title id=\"bars-title\">Share of meets, violates and not addressed per characteristic</title>"));
        for (var i = 0; i < rows; i++)
        {
            var c = result.Characteristics[i];
            var x = 60.0;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{i * 18 + 17}\">{c.Code}</text>");
            foreach (var v in new[] { Verdict.Meets, Verdict.Violates, Verdict.NotAddressed })
            {
                var count = counts[c.Code].Of(v);
                var w = 350.0 * count / n;
                if (count > 0)
                    sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"{Css(v)}\" x=\"{x:0.#}\" y=\"{i * 18 + 5}\" width=\"{w:0.#}\" height=\"15\"><title>{c.Code} {v.Name()}: {count}</title></rect>");
                x += w;
            }
        }
        sb.Append("</svg><figcaption>Per characteristic: meets (green), violates (red), not addressed (grey)</figcaption></figure>\n");
        return sb.ToString();
    }


}
