using System.Globalization;
using System.Text;
using Wgec.Engine;
using Wgec.Rules;
using Wgec.Scoring;

namespace Wgec.Reporting;

/// <summary>One row per proposal × characteristic, RFC 4180 (CRLF, fields quoted when needed), for spreadsheets.</summary>
public static class CsvReporter
{
    private static readonly string[] Header =
        ["document", "proposal", "title", "contributor", "section", "characteristic", "verdict", "weight",
         "score_contribution", "proposal_score", "rules", "evidence"];

    public static string Render(CheckResult result)
    {
        var sb = new StringBuilder();
        Row(sb, Header);
        foreach (var doc in result.Documents)
            foreach (var p in doc.Proposals)
                foreach (var c in result.Characteristics)
                {
                    var verdict = p.VerdictOf(c.Code);
                    var evidence = p.Diagnostics.Where(d => d.Characteristic == c.Code).ToList();
                    Row(sb,
                    [
                        doc.Document.DisplayPath, p.Proposal.Id, p.Proposal.Title, p.Proposal.Contributor, p.Proposal.Section,
                        c.Code, verdict.Name(), F(c.Weight), F(Scorer.Contribution(result.Characteristics, c, verdict)), F(p.Score),
                        string.Join(" ", evidence.Select(d => d.Id).Distinct()),
                        string.Join(" | ", evidence.Select(d => $"{d.Id} {d.Rule.PolarityName}: {d.Text}")),
                    ]);
                }
        return sb.ToString();
    }

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Quote(fields[i]));
        }
        sb.Append("\r\n");
    }

    /// <summary>
    /// RFC 4180 quoting; a cell that a spreadsheet would run as a formula (it begins with =, +, -, @, tab or CR) is
    /// prefixed with an apostrophe, the usual defence against formula injection from the documents' text.
    /// </summary>
    public static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
