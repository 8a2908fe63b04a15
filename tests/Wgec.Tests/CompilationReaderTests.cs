using FluentAssertions;
using Wgec.Model;
using Wgec.Readers;

namespace Wgec.Tests;

public class CompilationReaderTests
{
    private static readonly Lazy<PolicyDocument> Doc = new(() => DocumentReader.Read(TestPaths.Compilation));
    private static PolicyDocument Document => Doc.Value;
    private static Proposal P(string id) => Document.Proposals.Single(p => p.Id == id);
    private static string Words(Proposal p) => string.Join(' ', p.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Reads_the_93_numbered_recommendations_in_order()
    {
        var r = Document.Proposals.Where(p => p.Id.StartsWith('R')).Select(p => p.Id).ToList();
        r.Should().Equal(Enumerable.Range(1, 93).Select(i => "R" + i));
    }

    [Fact]
    public void Reads_the_uncategorized_inputs_with_their_ids()
    {
        var ids = Document.Proposals.Where(p => p.Section == "Uncategorized").Select(p => p.Id).ToList();
        ids.Should().Equal(
            ["APC-1", "ICANN-1", "ICANN-2", "ICANN-3", "ICANN-4", "ICANN-5", "ICANN-6",
             "UK-A", "UK-B", "UK-C", "UK-D",
             .. Enumerable.Range(1, 10).Select(i => "UK-F" + i),
             "US-A", "US-B",
             .. Enumerable.Range(1, 10).Select(i => "US-F" + i),
             "SA-A1", "SA-A2", "SA-A3", "SA-A4", "SA-A5", "SA-A6", "SA-B1", "SA-B2", "SA-B3",
             "SA-C1", "SA-C2", "SA-C3", "SA-C4", "SA-C5", "SA-D1", "SA-D2", "SA-E1", "SA-E2"]);
    }

    [Fact]
    public void Keeps_section_and_contributor()
    {
        P("R1").Section.Should().Be("I");
        P("R1").Contributor.Should().Be("Richard Hill, APIG");
        P("R84").Section.Should().Be("VII");
        P("R49").Contributor.Should().Be("Russian Federation");
        P("UK-F3").Contributor.Should().Be("United Kingdom");
    }

    [Fact]
    public void Recommendation_10_starts_after_its_footnote_urls()
    {
        Words(P("R10")).Should().StartWith("9.1 Consequently, it is proposed that UNCTAD be mandated");
        Document.Proposals.Should().NotContain(p => p.Text.Contains("itu.int/rec", StringComparison.Ordinal));
    }

    [Fact]
    public void Recommendation_16_continues_after_the_page_break()
    {
        var p = P("R16");
        Words(p).Should().StartWith("to recommend that the USA, Japan").And.EndWith("roles and responsibilities of all governments.");
        p.Location.Should().Be(new Location(220, 1, 222, 145));
    }

    [Fact]
    public void Recommendation_1_has_exact_span()
    {
        var p = P("R1");
        p.Location.StartLine.Should().Be(152);
        p.Location.EndLine.Should().Be(156);
        Words(p).Should().StartWith("It is proposed to recommend that ICANN provide to all governments").And.EndWith("\"rt01\"m etc.");
    }

    [Fact]
    public void Uk_follow_up_item_8_survives_the_page_break_and_item_10_drops_the_date()
    {
        Words(P("UK-F8")).Should().EndWith("encouraging cooperation between stakeholders to this end.");
        Words(P("UK-F10")).Should().EndWith("participate.");
    }

    [Fact]
    public void Footnotes_tables_and_markup_are_masked_but_offsets_kept()
    {
        foreach (var p in Document.Proposals)
        {
            p.Text.Length.Should().Be(p.End - p.Start);
            p.Text.Should().NotContain("<ul").And.NotContain("**").And.NotContain("---");
        }
        Words(P("R18")).Should().NotContain("international Internet-related", "struck-out words are deleted text");
        Words(P("APC-1")).Should().NotContain("Geneva", "footnote 4 is not part of the proposal");
    }

    [Fact]
    public void No_proposal_is_made_of_debris()
    {
        Document.Proposals.Should().OnlyContain(p => Words(p).Split(' ').Length >= 5);
        Document.Proposals.Should().HaveCount(144);
    }
}
