using CsCheck;
using FluentAssertions;
using Wgec.Config;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;

namespace Wgec.Tests;

/// <summary>
/// Bounded fuzzing, part of every test run (CsCheck: new random cases each run, 150 by default, more with
/// WGEC_FUZZ_ITERATIONS; a failure prints the seed that reproduces it, CsCheck_Seed=…). The
/// readers, the suppression parser and the configuration and rule loaders are given generated text built from
/// the pieces that make their formats hard (front matter fences, comments, headings, numbers, aliases, brackets,
/// line endings, non-ASCII). Whatever they get, they succeed or throw the tool's own located error — nothing else;
/// and what they find is exactly the text between its offsets.
/// </summary>
public class FuzzTests : TempDirectoryTest
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("WGEC_FUZZ_ITERATIONS"), out var n) ? n : 150;

    private static readonly string[] DraftPieces =
    [
        "---", "\n", "\r\n", "\r", " ", "## ", "# ", "## P1 ", "## P1 ", "<!--", "-->", "```", "title: x", "profile: full", "profile: [",
        "Recommendation 1.", "Recommendation 2. Someone", "Uncategorized inputs", "I. Section", "Member States shall publish",
        "every two years", "by 2030", "UNCTAD be mandated to", "all stakeholders", "developing countries", ". ", "? ",
        "<!-- wgec-disable-next-line WGEC1802 reason=\"ok\" -->", "<!-- wgec-disable WGEC0101 -->", "<!-- wgec-enable -->",
        "<!-- wgec-disable-next-line wgec1802 reason='x' -->", "&a [x]", "*a", "[[[", "]]]", "{", "}", ":", "- ", "1. ", "(a) ",
        "😀", "é", "\t", "\u00a0", "Act", "National Strategy Act", "50%", "three", "…",
    ];

    private static Gen<string> Text(string[] pieces, int max) => Gen.OneOf(pieces).Array[0, max].Select(p => string.Concat(p));

    private static readonly Lazy<Checker> Checker = new(() => new Checker(TestPaths.RuleSet));

    [Theory]
    [InlineData("draft.md")]
    [InlineData("compilation.txt")]
    public void Readers_and_the_check_take_any_text(string name)
    {
        var profile = TestPaths.RuleSet.ProfileCharacteristics("full");
        Text(DraftPieces, 60).Sample(text =>
        {
            var source = new SourceText(name, text);
            PolicyDocument document;
            try { document = DocumentReader.Parse(source); }
            catch (WgecException) { return; }
            var result = Checker.Value.CheckDocument(document, profile);
            foreach (var d in result.AllDiagnostics)
            {
                d.Start.Should().BeInRange(0, text.Length);
                d.End.Should().BeInRange(d.Start, text.Length);
                if (d.Rule.Characteristic != BuiltInRules.Characteristic)
                    OneLine(text[d.Start..d.End]).Should().Be(OneLine(d.Text), "a finding's words are the text between its offsets");
            }
            foreach (var p in document.Proposals) p.Text.Length.Should().Be(p.End - p.Start);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Decoding_takes_any_bytes()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            try { InputFile.Decode("x.md", bytes).Text.Should().NotBeNull(); }
            catch (WgecException e) { e.Path.Should().Be("x.md"); }
        }, iter: Iterations * 4, threads: 1);
    }

    [Fact]
    public void The_docx_reader_takes_any_bytes_and_any_damage_to_a_real_document()
    {
        var good = Path.Combine(Dir, "good.docx");
        ReportTests.WriteDocx(good, "## P1 Title\n\nMember States shall publish their strategies.\n");
        var original = File.ReadAllBytes(good);
        var path = Path.Combine(Dir, "fuzz.docx");
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte, Gen.Int[0, 3]).Array[1, 8].Sample(damage =>
        {
            var bytes = (byte[])original.Clone();
            foreach (var (position, value, kind) in damage)
            {
                if (bytes.Length == 0) break;
                var at = position % bytes.Length;
                if (kind == 0) bytes[at] = value;
                else if (kind == 1) bytes = bytes[..at];
                else bytes[at] ^= 0xFF;
            }
            File.WriteAllBytes(path, bytes);
            try { DocumentReader.Read(path).Proposals.Should().NotBeNull(); }
            catch (WgecException e) { e.Path.Should().Be(path); }
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Suppression_comments_of_any_shape_parse()
    {
        string[] pieces = ["<!--", "-->", " ", "wgec-disable", "wgec-disable-next-line", "wgec-enable", "WGEC0101", "wgec0101", "GEN", ",", "reason=\"", "\"", "'", "\n", "x"];
        Text(pieces, 30).Sample(text =>
        {
            var source = new SourceText("x.md", text);
            foreach (var c in SuppressionComment.Parse(source)) c.FirstLine.Should().BeGreaterThan(0);
            foreach (var (start, end, problem) in SuppressionComment.Malformed(source))
            {
                end.Should().BeInRange(start, text.Length);
                problem.Should().NotBeEmpty();
            }
        }, iter: Iterations * 4, threads: 1);
    }

    private static readonly string[] YamlPieces =
    [
        "profile: core\n", "profile: [full]\n", "min-score: 50\n", "min-score: x\n", "severity: { GEN: warning }\n", "severity:\n  WGEC0101: error\n",
        "severity: { X: loud }\n", "rules: [pack]\n", "rules: 5\n", "ignore: [\"a/**\"]\n", "ignore: [[\n", "overrides:\n  - files: [\"b/**\"]\n    severity: { MEAS: none }\n",
        "&a x\n", "b: *a\n", "- \n", ": \n", "'\n", "\"\n", "\t", "  ", "{", "}", "[", "]", "#\n", "---\n", "...\n", "key: value\n", "\n",
    ];

    [Fact]
    public void The_configuration_loader_takes_any_text()
    {
        var path = Path.Combine(Dir, "wgec.yaml");
        Text(YamlPieces, 12).Sample(text =>
        {
            File.WriteAllText(path, text);
            try { WgecConfig.Load(path).Path.Should().Be(path); }
            catch (WgecException e) { e.Path.Should().Be(path); }
        }, iter: Iterations * 2, threads: 1);
    }

    [Fact]
    public void The_rule_loader_takes_any_damage_to_a_rule_file()
    {
        var original = File.ReadAllText(Path.Combine(TestPaths.Rules, "GEN", "WGEC0101.yaml")).Replace("WGEC0101", "WGEC9990", StringComparison.Ordinal);
        var pack = Path.Combine(Dir, "pack", "GEN");
        Directory.CreateDirectory(pack);
        var file = Path.Combine(pack, "WGEC9990.yaml");
        string[] insertions = ["\n", ":", " ", "- ", "[", "]", "{", "}", "&a ", "*a", "not:\n  not:\n    pattern: x\n", "'", "\"", "(", "\\", "*", "lexicon: nope\n", "any: []\n"];
        Gen.Select(Gen.Int[0, original.Length], Gen.OneOf(insertions), Gen.Int[0, 40]).Array[1, 4].Sample(edits =>
        {
            var text = original;
            foreach (var (at, insert, cut) in edits)
            {
                var i = Math.Min(at, text.Length);
                text = text[..i] + insert + text[Math.Min(text.Length, i + cut)..];
            }
            File.WriteAllText(file, text);
            try { RuleSetLoader.Load(TestPaths.Rules, [Path.Combine(Dir, "pack")]).Rules.Should().NotBeEmpty(); }
            catch (WgecException e) { e.Path.Should().NotBeNullOrEmpty(); }
        }, iter: Math.Max(10, Iterations / 5), threads: 1);
    }

    /// <summary>Words with every run of white space (a no-break space too) as one space, as findings quote them.</summary>
    private static string OneLine(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();
}
