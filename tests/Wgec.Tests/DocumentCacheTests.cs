using FluentAssertions;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;

namespace Wgec.Tests;

/// <summary>What an editor's check reuses between keystrokes changes no result: after every edit of a random
/// sequence, a check with the cache equals a check from scratch, finding for finding.</summary>
public class DocumentCacheTests
{
    [Fact]
    public void Checks_that_reuse_unchanged_proposals_equal_checks_from_scratch_after_random_edits()
    {
        var rules = TestPaths.RuleSet;
        var checker = new Checker(rules);
        var profile = rules.ProfileCharacteristics("full");
        var path = Directory.EnumerateFiles(TestPaths.Corpus, "*.md").Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(path);
        var cache = new DocumentCache();
        var random = new Random(2017);
        var reusedSomewhere = false;
        for (var step = 0; step < 25; step++)
        {
            var document = DocumentReader.Parse(new SourceText(path, text));
            var cached = checker.CheckDocument(document, profile, cache: cache);
            var fresh = checker.CheckDocument(DocumentReader.Parse(new SourceText(path, text)), profile);
            Describe(cached).Should().Equal(Describe(fresh), $"step {step}");
            reusedSomewhere |= cache.LastCheck!.Reused > 0;
            text = Edit(text, document, random);
        }
        reusedSomewhere.Should().BeTrue("unchanged proposals are reused");
    }

    /// <summary>One edit of the kinds drafters make: a word typed, a sentence deleted, a sentence copied from
    /// another proposal (which may make, or unmake, a near-duplicate elsewhere).</summary>
    private static string Edit(string text, PolicyDocument document, Random random)
    {
        var target = document.Proposals[random.Next(document.Proposals.Count)];
        var other = document.Proposals[random.Next(document.Proposals.Count)];
        var body = text[target.Start..target.End];
        var edited = random.Next(3) switch
        {
            0 => body.Insert(random.Next(body.Length + 1), " shall "),
            1 when body.IndexOf(". ", StringComparison.Ordinal) is var dot and > 0 => body[(dot + 2)..],
            _ => body + " " + text[other.Start..other.End],
        };
        return string.Concat(text.AsSpan(0, target.Start), edited, text.AsSpan(target.End));
    }

    private static List<string> Describe(DocumentResult result) =>
        result.Proposals.SelectMany(p => p.Diagnostics.Select(d => $"{p.Proposal.Id} {d.Id} {d.Start}-{d.End} {d.Fingerprint} {d.Message}")
                .Append($"{p.Proposal.Id} score {p.Score:0.000} {string.Join(",", p.Verdicts.Select(v => v.Verdict))}"))
            .ToList();
}
