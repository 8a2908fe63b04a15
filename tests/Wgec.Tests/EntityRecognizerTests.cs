using FluentAssertions;
using Wgec.Analysis;
using Wgec.Readers;

namespace Wgec.Tests;

public class EntityRecognizerTests
{
    /// <summary>The cheap gates in front of the recognizers must lose nothing: gated equals ungated on every sentence.</summary>
    [Fact]
    public void Gates_lose_nothing_on_the_compilation_and_drafts()
    {
        var docs = new[] { TestPaths.Compilation }.Concat(Directory.EnumerateFiles(TestPaths.Drafts)).Select(DocumentReader.Read);
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
