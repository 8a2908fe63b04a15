using FluentAssertions;

namespace Wgec.Tests;

/// <summary>Outputs never destroy inputs; the shipped process reads standard input; reports are safe to open.</summary>
public class DataSafetyTests : TempDirectoryTest
{
    private const string Draft = "## D1 Title\nThe USA should cooperate with all stakeholders.\n";

    [Theory]
    [InlineData("check", "-o")]
    [InlineData("check", "--write-baseline")]
    [InlineData("report", "-o")]
    public void An_output_that_is_an_input_is_refused_and_nothing_is_written(string command, string option)
    {
        var draft = Write("d.md", Draft);
        var args = command == "report" ? new[] { "report", draft, "--format", "md", option, draft } : [command, draft, option, draft];
        var (code, stdout, err) = CliTests.Run([.. args, "--rules", TestPaths.Rules]);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        err.Should().Contain("is one of the inputs").And.Contain("nothing was written");
        File.ReadAllText(draft).Should().Be(Draft);
    }

    [Fact]
    public void An_output_that_is_an_input_through_a_link_is_refused()
    {
        var draft = Write("d.md", Draft);
        var link = Path.Combine(Dir, "report.txt");
        File.CreateSymbolicLink(link, draft);
        var (code, _, err) = CliTests.Run("check", draft, "-o", link, "--rules", TestPaths.Rules);
        code.Should().Be(2);
        err.Should().Contain("is one of the inputs");
        File.ReadAllText(draft).Should().Be(Draft);
    }

    [Fact]
    public void The_shipped_process_reads_standard_input()
    {
        var (code, output, err) = TestProcess.Wgec(Dir, ["check", "-", "--stdin-filename", "draft.md", "--rules", TestPaths.Rules], stdin: Draft);
        code.Should().Be(0, err);
        output.Should().Contain("draft.md(2,5): warning WGEC0103: 'USA' singles out a named country");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("plain, text", "\"plain, text\"")]
    public void Csv_cells_that_a_spreadsheet_would_run_are_defused(string cell, string expected) =>
        Wgec.Reporting.CsvReporter.Quote(cell).Should().Be(expected);
}
