using FluentAssertions;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Reporting;

namespace Wgec.Tests;

public class RobustnessTests
{
    [Fact]
    public void Every_output_format_is_byte_for_byte_deterministic()
    {
        string Render(Func<CheckResult, string> reporter) =>
            reporter(new Checker(TestPaths.RuleSet).Check([DocumentReader.Read(TestPaths.Compilation)], "full"));
        var root = TestPaths.Root;
        foreach (var reporter in new Func<CheckResult, string>[]
                 {
                     JsonReporter.Render, TextReporter.Render, HtmlReporter.Render, MarkdownReporter.Render, CsvReporter.Render,
                     r => SarifReporter.Render(r, TestPaths.RuleSet, root), r => GitHubReporter.Render(r, root), Baseline.Render,
                 })
        {
            var first = Render(reporter);
            first.Should().NotBeEmpty();
            Render(reporter).Should().Be(first);
        }
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_findings_at_the_same_lines_and_columns()
    {
        var lf = File.ReadAllText(Path.Combine(TestPaths.Drafts, "characteristics-draft.md")).Replace("\r\n", "\n");
        var crlf = lf.Replace("\n", "\r\n");
        var checker = new Checker(TestPaths.RuleSet);
        List<(string, string, Location, string)> Findings(string text) => checker
            .Check([DocumentReader.Parse(new SourceText("d.md", text))], "full").AllDiagnostics
            .Select(d => (d.Id, d.Text, d.Location, d.Fingerprint)).ToList();
        Findings(crlf).Should().Equal(Findings(lf)).And.NotBeEmpty();
    }

    [Fact]
    public void Compilation_with_crlf_line_endings_reads_the_same_proposals()
    {
        var text = File.ReadAllText(TestPaths.Compilation).Replace("\r\n", "\n");
        var lf = DocumentReader.Parse(new SourceText("c.txt", text));
        var crlf = DocumentReader.Parse(new SourceText("c.txt", text.Replace("\n", "\r\n")));
        crlf.Proposals.Select(p => (p.Id, p.Location.StartLine, p.Location.EndLine))
            .Should().Equal(lf.Proposals.Select(p => (p.Id, p.Location.StartLine, p.Location.EndLine)));
    }
}
