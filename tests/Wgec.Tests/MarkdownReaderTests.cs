using FluentAssertions;
using Wgec.Model;
using Wgec.Readers;

namespace Wgec.Tests;

public class MarkdownReaderTests
{
    [Fact]
    public void Reads_front_matter_headings_and_skips_the_preamble()
    {
        var doc = DocumentReader.Read(Path.Combine(TestPaths.Drafts, "characteristics-draft.md"));
        doc.Title.Should().Be("Draft recommendations on enhanced cooperation");
        doc.Profile.Should().Be("full");
        doc.Proposals.Select(p => p.Id).Should().Equal("D1", "D2", "D3");
        doc.Proposals[0].Title.Should().Be("Participation of all stakeholders");
        doc.Proposals.Should().NotContain(p => p.Text.Contains("preamble", StringComparison.Ordinal));
        doc.Proposals[1].Text.Trim().Should().StartWith("It is proposed that UNCTAD");
        doc.Proposals[1].Location.StartLine.Should().Be(17);
    }

    [Fact]
    public void Front_matter_profile_is_used_when_nothing_else_sets_one()
    {
        var draft = Path.Combine(TestPaths.Drafts, "characteristics-draft.md");
        CliTests.Run("check", draft, "--format", "json").Out.Should().Contain("\"profile\": \"full\"").And.Contain("\"VOL\":");
        CliTests.Run("check", draft, "--format", "json", "--profile", "core").Out.Should().Contain("\"profile\": \"core\"").And.NotContain("\"VOL\":");
    }

    [Fact]
    public void Plain_text_without_headings_is_one_proposal_named_after_the_file()
    {
        var doc = DocumentReader.Read(Path.Combine(TestPaths.Drafts, "single-proposal.txt"));
        doc.Proposals.Should().ContainSingle().Which.Id.Should().Be("single-proposal");
    }

    [Fact]
    public void Duplicate_ids_are_an_error_with_the_line()
    {
        var act = () => DocumentReader.Parse(new SourceText("d.md", "## A\ntext one here\n\n## A\ntext two here\n"));
        act.Should().Throw<WgecException>().Which.Describe().Should().Be("d.md(4): error: proposal id 'A' is used twice (first at line 1)");
    }

    [Fact]
    public void Comments_are_masked()
    {
        var doc = DocumentReader.Parse(new SourceText("d.md", "## A\nSome <!-- hidden words --> text here.\n"));
        doc.Proposals[0].Text.Should().NotContain("hidden");
    }
}
