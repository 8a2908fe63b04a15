using FluentAssertions;
using Wgec.Analysis;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;

namespace Wgec.Tests;

/// <summary>Where the recognizers read: around the words a rule pairs an entity with, cut at sentence ends.</summary>
public class EntityPlanTests
{
    private static ProposalAnalysis Analyse(string text) => new(new Proposal
    {
        Id = "P1", Title = "", Contributor = "", Section = "", Source = new SourceText("d.md", text), HeadingLine = 0,
        Start = 0, End = text.Length, Text = text, Ordinal = 1,
    });

    [Fact]
    public void A_window_spans_the_rule_distance_and_the_context_either_side_within_its_sentence()
    {
        var words = string.Join(' ', Enumerable.Range(1, 40).Select(i => "w" + i));
        var analysis = Analyse($"Short one. Then {words}. Last one.");
        analysis.Sentences.Should().HaveCount(3);
        var anchor = analysis.Sentences[1].FirstToken + 21; // w21
        var plan = new EntityPlan();
        plan.AddAround(EntityModels.DateTime, analysis, anchor, anchor, within: 1, _ => true);
        var piece = plan.PiecesFor(EntityModels.DateTime).Should().ContainSingle().Subject;
        var reach = 1 + EntityPlan.ContextTokens;
        analysis.Text[piece.Start..piece.End].Should().Be(string.Join(' ', Enumerable.Range(21 - reach, 2 * reach + 1).Select(i => "w" + i)));
        plan.PiecesFor(EntityModels.Number).Should().BeEmpty("only the model asked for reads");
    }

    [Fact]
    public void Windows_stop_at_sentence_ends()
    {
        var analysis = Analyse("Act by 2030. Report by 2031 on it.");
        var plan = new EntityPlan();
        plan.AddAround(EntityModels.DateTime, analysis, 1, 1, within: 1, _ => true);
        plan.PiecesFor(EntityModels.DateTime).Select(p => analysis.Text[p.Start..p.End]).Should().Equal("Act by 2030", "Report by 2031 on it");
        var second = new EntityPlan();
        second.AddAround(EntityModels.DateTime, analysis, 1, 1, within: 1, s => s == 1);
        second.PiecesFor(EntityModels.DateTime).Select(p => analysis.Text[p.Start..p.End]).Should().Equal(["Report by 2031 on it"], "only the sentences the rules want");
    }

    [Fact]
    public void Pieces_join_when_they_overlap_or_touch_in_one_sentence_never_across_sentences()
    {
        var plan = new EntityPlan();
        plan.Add(EntityModels.Number, 0, 0, 10);
        plan.Add(EntityModels.Number, 1, 10, 20); // touches the first, but in the next sentence
        plan.Add(EntityModels.Number, 1, 20, 25); // touches the second: joined
        plan.Add(EntityModels.Number, 1, 22, 30); // overlaps: joined
        plan.Add(EntityModels.Number, 1, 40, 40); // empty: ignored
        plan.PiecesFor(EntityModels.Number).Should().Equal(new EntityPlan.Piece(0, 0, 10), new EntityPlan.Piece(1, 10, 30));
        new EntityPlan().Invoking(p => p.PiecesFor(EntityModels.Numbers)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_deadline_deep_in_a_long_sentence_is_found_whole()
    {
        var filler = string.Join(' ', Enumerable.Repeat("and the relevant stakeholders of every region", 8));
        var text = $"## P1\n\nMember States should adopt national broadband plans {filler} by 31 December 2030 {filler}.\n";
        var result = new Checker(TestPaths.RuleSet).Check([DocumentReader.Parse(new SourceText("d.md", text))], "full");
        result.AllDiagnostics.Should().Contain(d => d.Id == "WGEC0603" && d.Text.Contains("by 31 December 2030"));
    }
}
