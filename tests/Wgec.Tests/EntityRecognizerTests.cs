using FluentAssertions;
using Wgec.Analysis;
using Wgec.Readers;

namespace Wgec.Tests;

public class EntityRecognizerTests
{
    /// <summary>The cheap gates in front of the recognizers must lose nothing: gated equals ungated on every sentence.</summary>
    [Fact]
    public void Gates_lose_nothing_on_the_compilation_drafts_and_corpus()
    {
        var docs = new[] { TestPaths.Compilation }.Concat(Directory.EnumerateFiles(TestPaths.Drafts))
            .Concat(Directory.EnumerateFiles(TestPaths.Corpus)).Order(StringComparer.Ordinal).Select(DocumentReader.Read);
        var sentences = 0;
        foreach (var p in docs.SelectMany(d => d.Proposals))
        {
            var analysis = new ProposalAnalysis(p);
            foreach (var s in analysis.Sentences)
            {
                var text = p.Text[s.Start..s.End];
                EntityRecognizer.Instance.Recognize(text, gated: true)
                    .Should().Equal(EntityRecognizer.Instance.Recognize(text, gated: false), $"sentence: {text}");
                sentences++;
            }
        }
        sentences.Should().BeGreaterThan(500);
    }

    [Fact]
    public void Gates_skip_sentences_without_numbers_or_time_words()
    {
        EntityRecognizer.NumberGate().IsMatch("Stakeholders should cooperate openly").Should().BeFalse();
        EntityRecognizer.TemporalGate().IsMatch("Stakeholders should cooperate openly").Should().BeFalse();
        EntityRecognizer.PercentageGate().IsMatch("Connect 300 schools in 12 regions by 2030").Should().BeFalse();
    }

    /// <summary>Every way the percentage model reads a percentage passes its gate (and a figure without one is no percentage).</summary>
    [Theory]
    [InlineData("Raise access to 75% of schools.", "75%")]
    [InlineData("Raise access to 75 % of schools.", "75 %")]
    [InlineData("Raise access to 75 per cent of schools.", "75 per cent")]
    [InlineData("Raise access to seventy-five percent of schools.", "seventy-five percent")]
    [InlineData("Raise access by 20 percentage points.", "20 percentage")]
    [InlineData("Cut the fee to 5 cents.", "5 cents")]
    [InlineData("Reach per cent of 40 of households.", "per cent of 40")]
    public void The_percentage_gate_loses_no_percentage(string sentence, string value)
    {
        var gated = EntityRecognizer.Instance.Recognize(sentence, gated: true, EntityModels.Percentage);
        gated.Should().Equal(EntityRecognizer.Instance.Recognize(sentence, gated: false, EntityModels.Percentage));
        gated.Should().Contain(e => e.Kind == "percentage" && e.Value == value);
        EntityRecognizer.Instance.Recognize("Connect 75 of the schools.", gated: false, EntityModels.Percentage).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Seek a review within 5 years of their adoption.", "daterange", "within 5 years")]
    [InlineData("More than 100 countries have no law.", "number", "100")]
    [InlineData("The Body should meet twice yearly.", "set", "yearly")]
    [InlineData("Raise access to 75% of schools.", "percentage", "75%")]
    public void Finds_entities_with_a_fixed_reference_date(string sentence, string kind, string value)
    {
        EntityRecognizer.Instance.Recognize(sentence).Should().Contain(e => e.Kind == kind && e.Value == value);
    }
}
