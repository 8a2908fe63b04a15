using FluentAssertions;
using Wgec.Model;
using Wgec.Readers;

namespace Wgec.Tests;

/// <summary>The input formats are a registry: each reader owns its extensions, and a folder run picks up exactly those.</summary>
public class InputFormatTests : TempDirectoryTest
{
    [Fact]
    public void A_folder_run_picks_up_the_extensions_of_the_registered_formats_and_nothing_else()
    {
        var registered = InputFormats.All.SelectMany(f => f.Extensions).Distinct().ToList();
        registered.Should().Contain([".md", ".markdown", ".txt", ".docx"]);
        foreach (var ext in registered) Write("in/draft" + ext, "x");
        Write("in/notes.rst", "x");
        Write("in/data.csv", "x");

        var found = InputExpander.Expand([Path.Combine(Dir, "in")]).Select(Path.GetExtension).ToList();

        found.Should().BeEquivalentTo(registered);
    }

    [Theory]
    [InlineData("d.md", "## D1 Title\nMember States should act.\n", "markdown")]
    [InlineData("d.markdown", "## D1 Title\nMember States should act.\n", "markdown")]
    [InlineData("d.txt", "Member States should act.\n", "text")]
    [InlineData("d.rst", "Member States should act.\n", "text")]
    [InlineData("c.txt", "I. Section\nRecommendation 1. A\nStates should act.\nRecommendation 2. B\nStates should cooperate.\n", "compilation")]
    [InlineData("c.rst", "I. Section\nRecommendation 1. A\nStates should act.\nRecommendation 2. B\nStates should cooperate.\n", "compilation")]
    public void Text_goes_to_the_format_that_owns_its_extension_else_the_one_that_recognises_it(string name, string text, string format)
    {
        var document = DocumentReader.Parse(new SourceText(name, text));
        document.Format.Should().Be(format);
        InputFormats.All.Select(f => f.Name).Should().Contain(document.Format);
    }

    [Fact]
    public void Diff_of_git_history_considers_the_text_formats_only()
    {
        InputFormats.TextExtensions.Should().Contain([".md", ".txt"]).And.NotContain(".docx");
        InputFormats.BinaryFor("a.DOCX")!.Name.Should().Be("docx");
        InputFormats.BinaryFor("a.md").Should().BeNull();
    }
}
