using FluentAssertions;
using Wgec.Engine;
using Wgec.Readers;
using Wgec.Rules;
using Xunit;

namespace Wgec.Tests;

/// <summary>One policy (severity, in-source comment, baseline) for every finding, the tool's own included.</summary>
public class FindingPolicyTests : TempDirectoryTest
{
    private DocumentResult Check(string path, IReadOnlySet<string>? baseline = null, DocumentOptions? options = null) =>
        new Checker(TestPaths.RuleSet).CheckDocument(DocumentReader.Read(path),
            TestPaths.RuleSet.ProfileCharacteristics("full"), options, baseline);

    [Fact]
    public void A_baselined_document_finding_is_accepted_like_a_proposal_finding()
    {
        // The comment covers a rule that does not fire, so the tool reports it unused (WGEC0001).
        var draft = Write("d.md", "## D1 T\n\n<!-- wgec-disable-next-line WGEC9999 reason=\"kept\" -->\nMember States shall act.\n");
        var unused = Check(draft).Diagnostics.Single(d => d.Id == "WGEC0001");
        unused.Suppression.Should().BeNull();
        var proposalFinding = Check(draft).Proposals.SelectMany(p => p.Diagnostics).First();

        var again = Check(draft, new HashSet<string> { unused.Fingerprint, proposalFinding.Fingerprint });

        again.Diagnostics.Single(d => d.Id == "WGEC0001").Suppression!.Kind.Should().Be(SuppressionKind.Baseline);
        again.Proposals.SelectMany(p => p.Diagnostics).Single(d => d.Fingerprint == proposalFinding.Fingerprint)
            .Suppression!.Kind.Should().Be(SuppressionKind.Baseline);
    }

    [Fact]
    public void Severity_none_drops_a_document_finding()
    {
        var draft = Write("d.md", "## D1 T\n\n<!-- wgec-disable-next-line WGEC9999 -->\nMember States shall act.\n");
        Check(draft).Diagnostics.Select(d => d.Id).Should().Contain("WGEC0002");

        var off = new DocumentOptions { Severity = r => r.Id == "WGEC0002" ? Severity.None : r.DefaultSeverity };
        Check(draft, options: off).Diagnostics.Select(d => d.Id).Should().NotContain("WGEC0002").And.Contain("WGEC0001");
    }

    [Fact]
    public void A_comment_cannot_hide_the_tools_findings_about_comments()
    {
        var draft = Write("d.md", "## D1 T\n\n<!-- wgec-disable WGEC0004 reason=\"try\" -->\n<!-- wgec-disable-next-line wgec1802 reason=\"x\" -->\nMember States shall act.\n");
        var result = Check(draft);

        var malformed = result.Diagnostics.Single(d => d.Id == "WGEC0004");
        malformed.Suppression.Should().BeNull();
        // The comment that tried to hide it covered nothing, and says so.
        result.Diagnostics.Should().Contain(d => d.Id == "WGEC0001");
    }
}
