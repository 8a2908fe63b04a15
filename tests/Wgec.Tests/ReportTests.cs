using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FluentAssertions;
using Snapshooter.Xunit;
using Wgec.Engine;
using Wgec.Readers;
using Wgec.Reporting;
using Wgec.Rules;

namespace Wgec.Tests;

public class ReportTests : TempDirectoryTest
{

    private static readonly Lazy<CheckResult> Full = new(() =>
    {
        // Named as a run from the repository would name it, without changing the test's working directory.
        var text = File.ReadAllText(TestPaths.Compilation);
        return new Checker(TestPaths.RuleSet).Check([DocumentReader.Parse(new Wgec.Model.SourceText("fixtures/wgec-compilation-2017.txt", text))], "full");
    });

    /// <summary>
    /// JSON and SARIF are streamed in 64 KB pieces: a character of several UTF-8 bytes cut by a piece's end must
    /// arrive whole, and the streamed file must be exactly the text the format renders.
    /// </summary>
    [Fact]
    public void Streamed_json_and_sarif_keep_every_character_across_pieces()
    {
        var draft = new System.Text.StringBuilder("# Draft\n\n");
        for (var i = 1; i <= 400; i++)
            draft.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"## P{i} Coopération numérique 😀 {i}\n\nLes États membres should consider, by 2030, the needs of developing countries — café, naïve, 日本.\n\n");
        var result = new Checker(TestPaths.RuleSet).Check([DocumentReader.Parse(new Wgec.Model.SourceText("draft.md", draft.ToString()))], "core");
        foreach (var format in new[] { "json", "sarif" })
        {
            var input = new ReportInput(result, TestPaths.RuleSet, TestPaths.Root);
            var rendered = OutputFormats.Find("check", format)!.Render(input);
            rendered.Length.Should().BeGreaterThan(4 << 16, "the report must span several pieces");
            var file = Path.Combine(Dir, "out." + format);
            Wgec.Model.AtomicFile.Write(file, w => OutputFormats.Find("check", format)!.Write(input, w));
            File.ReadAllText(file).Should().Be(rendered, format);
            using var parsed = System.Text.Json.JsonDocument.Parse(rendered);
            rendered.Count(c => c > 127).Should().BeGreaterThan(400, "the report carries the draft's non-ASCII words");
            rendered.Should().NotContain("\uFFFD", "no character is broken");
        }
    }

    [Fact]
    public void Markdown_report_of_the_compilation_matches_the_snapshot()
    {
        var md = MarkdownReporter.Render(Full.Value);
        md.Should().Contain("| proposal | section | contributor | score | GEN | INC |");
        Snapshot.Match(md.Split('\n'));
    }

    [Fact]
    public void Csv_report_of_the_compilation_matches_the_snapshot_and_is_rfc4180()
    {
        var csv = CsvReporter.Render(Full.Value);
        var records = ParseCsv(csv);
        records[0].Should().Equal("document", "proposal", "title", "contributor", "section", "characteristic", "verdict", "weight",
            "score_contribution", "proposal_score", "rules", "evidence");
        records.Should().HaveCount(1 + 144 * 18).And.OnlyContain(r => r.Count == 12);
        csv.Should().EndWith("\r\n");
        records.Single(r => r[1] == "R1" && r[5] == "GEN")[6].Should().Be("violates");
        Snapshot.Match(csv.Split("\r\n"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_quotes_only_where_rfc4180_needs_it(string field, string expected) => CsvReporter.Quote(field).Should().Be(expected);

    /// <summary>A minimal RFC 4180 reader, to check the output round-trips.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++; }
            else field.Append(c);
        }
        return rows;
    }

    [Fact]
    public void Html_matrix_has_a_row_per_proposal_and_a_column_per_characteristic()
    {
        var html = HtmlReporter.Render(Full.Value);
        var tbody = Regex.Match(html, "<table id=\"matrix-table\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(tbody, "<tr ").Count;
        rows.Should().Be(144);
        var header = Regex.Match(html, "<table id=\"matrix-table\">.*?<thead>(.*?)</thead>", RegexOptions.Singleline).Groups[1].Value;
        Regex.Matches(header, "<th scope=\"col\"").Count.Should().Be(4 + 18);
        foreach (Match row in Regex.Matches(tbody, "<tr .*?</tr>", RegexOptions.Singleline))
            Regex.Matches(row.Value, "<td class=\"cell [mvn]\"").Count.Should().Be(18);
    }

    [Fact]
    public void Every_highlighted_span_maps_to_a_diagnostic()
    {
        var html = HtmlReporter.Render(Full.Value);
        var items = Regex.Matches(html, "<li id=\"(d\\d+)\" data-rule=\"(WGEC\\d{4})\"").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        items.Should().HaveCount(Full.Value.Documents[0].Proposals.Sum(p => p.Diagnostics.Count));
        var marks = Regex.Matches(html, "<mark class=\"[mv]\" tabindex=\"0\" data-diagnostics=\"([^\"]+)\"");
        marks.Should().NotBeEmpty();
        var referenced = marks.SelectMany(m => m.Groups[1].Value.Split(' ')).ToHashSet();
        referenced.Should().OnlyContain(id => items.ContainsKey(id));
        referenced.Should().BeEquivalentTo(items.Keys, "every diagnostic is highlighted somewhere");
    }

    [Fact]
    public void The_summary_counts_every_proposal_once_per_characteristic_in_every_view()
    {
        var result = Full.Value;
        var summary = ReportSummary.Of(result);
        var doc = result.Documents.Single();
        foreach (var c in result.Characteristics)
        {
            var counts = summary.Of(doc)[c.Code];
            counts.Should().Be(new VerdictCounts(doc.Proposals.Count(p => p.VerdictOf(c.Code) == Verdict.Meets),
                doc.Proposals.Count(p => p.VerdictOf(c.Code) == Verdict.Violates), doc.Proposals.Count(p => p.VerdictOf(c.Code) == Verdict.NotAddressed)));
            summary.Overall[c.Code].Should().Be(counts, "one document");
            summary.BySection.Sum(g => g.Counts[c.Code].Violates).Should().Be(counts.Violates);
            summary.ByContributor.Sum(g => g.Counts[c.Code].Meets).Should().Be(counts.Meets);
        }
        summary.BySection.Sum(g => g.Proposals).Should().Be(doc.Proposals.Count);
        summary.ByContributor.Select(g => g.Key).Should().BeInAscendingOrder(StringComparer.Ordinal);
        summary.BySection.Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void Html_attributes_from_characteristic_codes_are_prefixed_so_no_code_collides_with_the_reports_own()
    {
        var html = HtmlReporter.Render(Full.Value);
        var row = Regex.Match(html, "<tr data-order=\"0\"[^>]*>").Value;
        var names = Regex.Matches(row, " data-([a-z-]+)=").Select(m => m.Groups[1].Value).ToList();
        names.Should().Equal(new[] { "order", "score", "section", "contributor" }
            .Concat(Full.Value.Characteristics.Select(c => "c-" + c.Code.ToLowerInvariant())));
    }

    [Fact]
    public void Html_inlines_the_style_sheet_and_script_files()
    {
        var html = HtmlReporter.Render(Full.Value);
        var assets = Path.Combine(TestPaths.Root, "src", "Wgec", "Reporting", "Assets");
        foreach (var file in new[] { "report.css", "report.js" })
        {
            var text = File.ReadAllText(Path.Combine(assets, file)).ReplaceLineEndings("\n").TrimEnd('\n');
            text.Should().NotBeEmpty();
            html.Should().Contain(text, file);
        }
    }

    [Fact]
    public void Html_is_self_contained()
    {
        var html = HtmlReporter.Render(Full.Value);
        html.Should().NotMatchRegex("(src|href)=\"(https?:)?//").And.NotContain("<link ").And.NotContain("@import");
        html.Should().Contain("<style>").And.Contain("<script>").And.Contain("<svg role=\"img\"");
        html.Should().Contain("<caption>").And.Contain("scope=\"row\"").And.Contain("<label>Section <select");
    }

    [Fact]
    public void Report_command_writes_the_file()
    {
        var out1 = Path.Combine(Dir, "r.html");
        var (code, _, _) = CliTests.Run("report", TestPaths.Compilation, "--format", "html", "-o", out1);
        code.Should().Be(0);
        File.ReadAllText(out1).Should().StartWith("<!DOCTYPE html>");
        CliTests.Run("report", TestPaths.Compilation, "--format", "pdf").Code.Should().Be(2);
    }

    [Fact]
    public void Docx_draft_has_the_same_verdicts_as_its_markdown_twin()
    {
        var markdown = File.ReadAllText(Path.Combine(TestPaths.Drafts, "characteristics-draft.md"));
        var docx = Path.Combine(Dir, "draft.docx");
        WriteDocx(docx, markdown);
        var fromDocx = DocumentReader.Read(docx);
        fromDocx.Proposals.Select(p => p.Id).Should().Equal("D1", "D2", "D3");
        var checker = new Checker(TestPaths.RuleSet);
        var a = checker.Check([fromDocx], "full").Documents[0].Proposals;
        var b = checker.Check([DocumentReader.Read(Path.Combine(TestPaths.Drafts, "characteristics-draft.md"))], "full").Documents[0].Proposals;
        a.Select(p => (p.Proposal.Id, string.Join(",", p.Verdicts.Select(v => v.Verdict)), p.Score))
            .Should().Equal(b.Select(p => (p.Proposal.Id, string.Join(",", p.Verdicts.Select(v => v.Verdict)), p.Score)));
        a.SelectMany(p => p.Diagnostics.Select(d => (d.Id, d.Text))).Should().Equal(b.SelectMany(p => p.Diagnostics.Select(d => (d.Id, d.Text))));
        // Locations are paragraph numbers: D2's mandate sentence is the 11th paragraph of the document built below.
        var mandate = a.Single(p => p.Proposal.Id == "D2").Diagnostics.First(d => d.Id == "WGEC0101");
        mandate.Location.StartLine.Should().Be(ParagraphOf(markdown, "It is proposed that UNCTAD"));
    }

    [Fact]
    public void Docx_with_recommendation_numbers_is_read_like_the_compilation()
    {
        var docx = Path.Combine(Dir, "compilation.docx");
        WriteDocx(docx, "Recommendation 1. Some Contributor\n\nIt is proposed that UNCTAD be mandated to study taxation.\n\nRecommendation 2. Another\n\nAll stakeholders should share best practices.\n");
        var doc = DocumentReader.Read(docx);
        doc.Proposals.Select(p => p.Id).Should().Equal("R1", "R2");
        doc.Proposals[0].Location.StartLine.Should().Be(3);
    }

    [Fact]
    public void A_broken_docx_is_a_clear_error()
    {
        var path = Path.Combine(Dir, "broken.docx");
        File.WriteAllText(path, "not a zip");
        var (code, _, err) = CliTests.Run("check", path);
        code.Should().Be(2);
        err.Should().Contain("broken.docx: error: is not a readable .docx file");
    }

    /// <summary>Paragraph number (1-based) of the first line starting with the prefix, front matter lines included.</summary>
    private static int ParagraphOf(string markdown, string prefix) =>
        markdown.Split('\n').Select((l, i) => (l, i)).First(x => x.l.StartsWith(prefix, StringComparison.Ordinal)).i + 1;

    /// <summary>Builds a .docx with one paragraph per line; "# "/"## " lines become Heading1/Heading2 paragraphs.</summary>
    internal static void WriteDocx(string path, string text)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var style = line.StartsWith("## ", StringComparison.Ordinal) ? "Heading2" : line.StartsWith("# ", StringComparison.Ordinal) ? "Heading1" : null;
            var content = style == "Heading2" ? line[3..] : style == "Heading1" ? line[2..] : line;
            var paragraph = new Paragraph();
            if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            paragraph.Append(new Run(new Text(content) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(paragraph);
        }
        main.Document = new Document(body);
        main.Document.Save();
    }
}
