using FluentAssertions;
using Wgec.Analysis;

namespace Wgec.Tests;

/// <summary>The clause analysis on the operative forms of recommendations, and on the hard cases around them.</summary>
public class ClauseAnalyzerTests
{
    private static (string Text, List<Clause> Clauses) Analyse(string text)
    {
        var (tokens, sentences, _) = Segmenter.Segment(text);
        return (text, ClauseAnalyzer.Analyse(text, tokens, sentences));
    }

    private static string Words(string text, TextSpan span) => span.IsEmpty ? "" : text[span.Start..span.End];

    private static Clause Single(string text, out string source)
    {
        var (t, clauses) = Analyse(text);
        source = t;
        clauses.Should().ContainSingle();
        return clauses[0];
    }

    [Fact]
    public void A_modal_clause_has_its_subject_as_actor()
    {
        var c = Single("States should cooperate in the exchange of information.", out var t);
        c.Form.Should().Be(ClauseForm.Modal);
        c.Strength.Should().Be(Strength.Medium);
        Words(t, c.Actor).Should().Be("States");
        Words(t, c.Action).Should().Be("cooperate");
        Words(t, c.Object).Should().Be("in the exchange of information");
        c.Negated.Should().BeFalse();
    }

    [Fact]
    public void A_directive_of_a_resolution_names_its_addressee_as_actor()
    {
        var c = Single("Requests the Secretary-General to report to the General Assembly at its next session;", out var t);
        c.Form.Should().Be(ClauseForm.Directive);
        Words(t, c.Operative).Should().Be("Requests");
        Words(t, c.Actor).Should().Be("the Secretary-General");
        Words(t, c.Action).Should().Be("report");
    }

    [Fact]
    public void Decides_to_has_the_speaker_as_actor()
    {
        var c = Single("Decides to establish an open-ended working group.", out var t);
        c.Form.Should().Be(ClauseForm.Directive);
        c.Actor.IsEmpty.Should().BeTrue();
        Words(t, c.Action).Should().Be("establish");
    }

    [Fact]
    public void A_subjunctive_after_recommend_that_finds_the_mandated_body_and_its_task()
    {
        var c = Single("It is proposed to recommend that UNCTAD be mandated to study the taxation of robots.", out var t);
        c.Form.Should().Be(ClauseForm.Subjunctive);
        Words(t, c.Actor).Should().Be("UNCTAD");
        Words(t, c.Action).Should().Be("study");
        c.Passive.Should().BeFalse("being mandated to study makes the subject the one who acts");
    }

    [Fact]
    public void A_sentence_opening_with_that_is_a_subjunctive()
    {
        var c = Single("That ICANN exchange letters with the Government of Cuba.", out var t);
        c.Form.Should().Be(ClauseForm.Subjunctive);
        Words(t, c.Actor).Should().Be("ICANN");
        Words(t, c.Action).Should().Be("exchange");
    }

    [Fact]
    public void A_commitment_has_the_speaker_as_actor()
    {
        var c = Single("We commit to strengthen regional cooperation on cybersecurity.", out var t);
        c.Form.Should().Be(ClauseForm.Commitment);
        Words(t, c.Actor).Should().Be("We");
        Words(t, c.Action).Should().Be("strengthen");
    }

    [Fact]
    public void A_bare_imperative_is_operative_without_an_actor()
    {
        var c = Single("Establish a help desk for small enterprises.", out var t);
        c.Form.Should().Be(ClauseForm.Imperative);
        c.Actor.IsEmpty.Should().BeTrue();
        Words(t, c.Action).Should().Be("Establish");
    }

    [Fact]
    public void The_items_of_a_list_led_by_a_modal_inherit_its_actor()
    {
        var (t, clauses) = Analyse("The ministry should:\n- Require all public websites to be accessible;\n- Promote accessible handsets.\n");
        var items = clauses.Where(c => c.Form == ClauseForm.Imperative).ToList();
        items.Should().HaveCount(2);
        items.Should().OnlyContain(c => Words(t, c.Actor) == "The ministry" && c.Strength == Strength.Medium);
    }

    [Theory]
    [InlineData("All countries shall adopt the rule.", Strength.Strong)]
    [InlineData("Providers must report breaches.", Strength.Strong)]
    [InlineData("Providers are required to report breaches.", Strength.Strong)]
    [InlineData("Providers should report breaches.", Strength.Medium)]
    [InlineData("Providers will report breaches.", Strength.Medium)]
    [InlineData("Providers may report breaches.", Strength.Weak)]
    [InlineData("Encourages providers to report breaches.", Strength.Weak)]
    [InlineData("Invites providers to report breaches.", Strength.Weak)]
    [InlineData("Recognizes that providers report breaches.", Strength.None)]
    public void Strength_follows_the_operative_words(string text, Strength expected)
        => Analyse(text).Clauses[0].Strength.Should().Be(expected);

    [Theory]
    [InlineData("States should not establish a new body.", true)]
    [InlineData("States must never block access.", true)]
    [InlineData("States should refrain from blocking access.", true)]
    [InlineData("Avoid actions that impede routing.", true)]
    [InlineData("States should establish a new body.", false)]
    public void Negation_is_found(string text, bool negated) =>
        Analyse(text).Clauses[0].Negated.Should().Be(negated);

    [Theory]
    [InlineData("Developed countries should scale up support through technology transfer.", "through technology transfer")]
    [InlineData("Governments should close the gap by establishing national help desks.", "by establishing national help desks")]
    [InlineData("Stakeholders should cooperate by means of existing forums.", "by means of existing forums")]
    [InlineData("Members should coordinate via the regional hub.", "via the regional hub")]
    public void Means_phrases_are_found(string text, string means)
    {
        var (t, clauses) = Analyse(text);
        Words(t, clauses[0].Means).Should().Be(means);
    }

    [Fact]
    public void A_passive_without_agent_has_no_actor_and_what_it_acts_on_is_the_object()
    {
        var c = Single("A new global forum should be established.", out var t);
        c.Passive.Should().BeTrue();
        c.Actor.IsEmpty.Should().BeTrue();
        Words(t, c.Object).Should().StartWith("A new global forum");
    }

    [Fact]
    public void A_passive_with_an_agent_has_the_agent_as_actor()
    {
        var c = Single("Decisions will be taken by Ministers.", out var t);
        c.Passive.Should().BeTrue();
        Words(t, c.Actor).Should().Be("Ministers");
    }

    [Fact]
    public void An_inserted_phrase_between_modal_and_verb_is_skipped()
    {
        var c = Single("The regulator shall, within six months of adoption, issue binding regulations.", out var t);
        Words(t, c.Action).Should().Be("issue");
        Words(t, c.Actor).Should().Be("The regulator");
    }

    [Fact]
    public void An_introduction_before_the_subject_is_not_the_actor()
    {
        var c = Single("In this regard, Member States should share their experiences.", out var t);
        Words(t, c.Actor).Should().Be("Member States");
    }

    [Fact]
    public void A_relative_clause_on_the_subject_stays_in_the_actor()
    {
        var (t, clauses) = Analyse("States that carry out surveillance should publish the number of warrants.");
        Words(t, clauses.Single(c => c.Form == ClauseForm.Modal).Actor).Should().Be("States that carry out surveillance");
    }

    [Fact]
    public void Continue_developing_leads_to_the_real_action()
    {
        var c = Single("Encourages the Partnership to continue developing indicators.", out var t);
        Words(t, c.Action).Should().Be("developing", "'developing' is the verb here, not 'developing countries'");
    }

    [Theory]
    [InlineData("There is strong political will to act.")]
    [InlineData("The report was published in May 2025.")]
    [InlineData("The group met in May and in June.")]
    public void Nouns_that_look_like_modals_open_no_clause(string text) =>
        Analyse(text).Clauses.Should().NotContain(c => c.Form == ClauseForm.Modal);

    [Fact]
    public void A_coordinated_predicate_shares_the_actor()
    {
        var (t, clauses) = Analyse("The working group shall hold three sessions and shall submit its report.");
        clauses.Should().HaveCount(2);
        clauses.Select(c => Words(t, c.Actor)).Should().Equal("The working group", "The working group");
        clauses.Select(c => Words(t, c.Action)).Should().Equal("hold", "submit");
    }

    [Fact]
    public void Analysis_is_bounded_by_the_sentence_and_deterministic()
    {
        // A very long sentence of repeated modal clauses: one clause per modal, spans inside the text, same result twice.
        var text = string.Concat(Enumerable.Repeat("States should share data and providers must publish reports, ", 400)) + "end.";
        var first = Analyse(text).Clauses;
        first.Should().HaveCount(800);
        first.Should().OnlyContain(c => c.Start >= 0 && c.End <= text.Length && c.Start < c.End);
        Analyse(text).Clauses.Should().Equal(first);
    }
}
