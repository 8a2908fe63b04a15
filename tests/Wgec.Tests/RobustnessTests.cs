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
        // The registry, so a new format is covered without touching this test; the baseline is an output too.
        var renderers = OutputFormats.All.Select(f => (f.Name, Render: (Func<ReportInput, string>)f.Render))
            .Append(("baseline", i => Baseline.Render(i.Result))).ToList();
        renderers.Select(r => r.Name).Should().Contain(["text", "json", "sarif", "github", "html", "md", "csv"]);
        foreach (var (name, render) in renderers)
        {
            string Once() => render(new ReportInput(
                new Checker(TestPaths.RuleSet).Check([DocumentReader.Read(TestPaths.Compilation)], "full"), TestPaths.RuleSet, TestPaths.Root));
            var first = Once();
            first.Should().NotBeEmpty(name);
            Once().Should().Be(first, name);
        }
    }

    [Fact]
    public void One_whitespace_normaliser_reads_every_kind_of_white_space_alike()
    {
        Whitespace.Collapse(" a\u00a0 b\r\n\tc\u2028d  ").Should().Be("a b c d");
        // Fingerprints and diffs compare wording through it: a no-break space is a space there too.
        Fingerprints.Normalise("Member\u00a0States\nSHALL").Should().Be(Fingerprints.Normalise("member states shall"));
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
