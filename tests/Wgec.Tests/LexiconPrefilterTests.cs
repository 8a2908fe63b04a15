using CsCheck;
using FluentAssertions;
using Wgec.Analysis;

namespace Wgec.Tests;

/// <summary>
/// A lexicon tries its pattern only at the word starts its terms can begin at (<see cref="LexiconPrefilter"/>), one
/// small pattern per first letter. That must find exactly what matching the whole pattern over the text finds:
/// checked on generated text against lexicons whose terms start in every way the prefilter reads (and some it
/// refuses), including the case variants outside ASCII that the regex engine folds to ASCII letters.
/// </summary>
public class LexiconPrefilterTests
{
    private static Lexicon Make(bool caseSensitive, params string[] terms) => new("t", "", terms, caseSensitive, "t.yaml", 1);

    private static readonly Lexicon[] Lexicons =
    [
        Make(false, "data", "data protection", "developing countr*", "least developed countries", "e-commerce", "women's rights", "5G"),
        Make(false, "re:\\b(?:each|every|any)\\s+state", "re:(?-i:\\bNGOs?\\b)", "re:(?<!non-)\\bbinding\\b", "re:decisions?\\s+taken", "state"),
        Make(false, "re:(?:[Tt]he\\s+)?Secretary[\\s-]General", "re:(?-i:\\b[A-Z]{2,7}s?\\b)", "re:\\b\\d+\\s*years", "re:\\bx?yz", "year"),
        Make(false, "re:(?:annual(?:ly)?|every\\s+year|twice\\s+(?:a\\s+)?year)", "re:ab{0,2}c", "re:(go|went)\\s+home", "kelvin"),
        Make(true, "UN", "re:(?-i:\\bITU\\b)", "re:[Cc]onvention", "Act", "re:(?:[A-Z][a-z]+ ){1,3}Act"),
        Make(false, "re:\\w+ing", "data"), // \w: no prefilter, whole-pattern scan
        Make(false, "re:(?i:abc)", "abd"),
    ];

    private static readonly string[] Pieces =
    [
        "data", "Data", "DATA", " ", "-", "–", "\n", "protection", "developing", "countries", "least", "developed", "e", "commerce",
        "women", "'s", "’s", " rights", "5G", "each", "every", "any", "state", "State", "NGO", "NGOs", "ngos", "non-", "binding",
        "decision", "decisions", "taken", "the", "The", "Secretary", "General", "ITU", "UN", "UNs", "12", "years", "xyz", "yz", "annual",
        "annually", "twice", "a", "year", "abc", "abbc", "abbbc", "ac", "go", "went", "home", "Convention", "convention", "Act",
        "Digital", "Services", "\u212Aelvin", "kelvin", "\u017Ftate", "\u0130TU", "é", "ß", "x", ".", ",", "(", ")", "ing", "going",
    ];

    [Fact]
    public void Prefiltered_search_finds_exactly_the_whole_patterns_matches()
    {
        Lexicons.Take(5).Should().OnlyContain(l => l.Prefiltered, "these terms all start with a literal the prefilter reads");
        Lexicons.Skip(5).Should().OnlyContain(l => !l.Prefiltered, "\\w and an inline (?i: cannot be read");
        Gen.OneOf(Pieces).Array[0, 40].Select(p => string.Concat(p)).Sample(text =>
        {
            foreach (var lexicon in Lexicons)
            {
                var expected = lexicon.Pattern.Matches(text).Where(m => m.Length > 0).Select(m => (m.Index, m.Length)).ToList();
                lexicon.Find(text).Select(h => (h.Start, h.End - h.Start)).Should().Equal(expected, $"{lexicon.Terms[0]} on \"{text}\"");
            }
        }, iter: 400, threads: 1);
    }

    /// <summary>Terms whose alternatives cannot be tried apart (found by review): each must still find what the whole pattern finds.</summary>
    [Theory]
    [InlineData(false, "CD and cd", "re:ab(?-i)", "cd")] // an inline option reaches the alternatives after it
    [InlineData(true, "act and Act", "re:UN(?i)\\s+agency", "Act")]
    [InlineData(false, "_x and [y", "re:[A-z]+", "q")] // [A-z] holds _ and [ as well
    [InlineData(false, "ac and abc", "re:ab(?#note)?c", "q")] // a quantifier after a comment
    [InlineData(false, "xyz wy w", "re:x(y)z", "re:w\\1")] // back-references share group numbers
    [InlineData(false, "abc cb", "re:a(?<n>b)c", "re:c\\k<n>")]
    [InlineData(false, "ab b", "re:(a)?(?(1)b|c)", "b")] // a conditional
    public void Terms_that_cannot_be_tried_apart_still_find_what_the_whole_pattern_finds(bool caseSensitive, string text, params string[] terms)
    {
        var lexicon = Make(caseSensitive, terms);
        var expected = lexicon.Pattern.Matches(text).Where(m => m.Length > 0).Select(m => (m.Index, m.Length)).ToList();
        lexicon.Find(text).Select(h => (h.Start, h.End - h.Start)).Should().Equal(expected);
        lexicon.Find(text, LexiconPrefilter.WordStarts(text), longRun: true).Select(h => (h.Start, h.End - h.Start)).Should().Equal(expected);
    }

    [Fact]
    public void A_term_of_thousands_of_optional_parts_loads_without_a_prefilter()
    {
        var lexicon = Make(false, "re:" + string.Concat(Enumerable.Repeat("a?", 20_000)) + "b", "zebra");
        lexicon.Prefiltered.Should().BeFalse();
        lexicon.Find("ab zebra").Should().HaveCount(2);
    }

    [Fact]
    public void A_time_out_in_a_first_letter_pattern_is_the_lexicons()
    {
        var lexicon = Make(false, "re:(a+)+$", "zebra");
        lexicon.Find("aaa zebra").Should().HaveCount(1);
        lexicon.Owns(@"\G(?<![\p{L}\p{N}])(?:(a+)+$)(?![\p{L}\p{N}])").Should().BeTrue("the checker names the lexicon of a pattern that ran too long");
        lexicon.Owns("zebra").Should().BeFalse();
    }

    [Fact]
    public void A_case_variant_outside_ascii_is_still_found()
    {
        // The regex engine folds the Kelvin sign to 'k' under IgnoreCase: the prefilter must not skip such a word.
        var lexicon = Lexicons[3];
        var text = "measured in \u212Aelvin degrees";
        lexicon.Pattern.IsMatch(text).Should().BeTrue();
        lexicon.Find(text).Should().ContainSingle().Which.Start.Should().Be(text.IndexOf('\u212A'));
    }

    [Fact]
    public void Word_starts_are_letters_or_digits_after_anything_else()
    {
        LexiconPrefilter.WordStarts("A 5G-ready, e’s x").Should().Equal(0, 2, 5, 12, 14, 16);
        LexiconPrefilter.WordStarts("").Should().BeEmpty();
    }
}
