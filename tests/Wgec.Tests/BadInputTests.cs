using FluentAssertions;
using Wgec.Model;
using Wgec.Rules;

namespace Wgec.Tests;

public class BadInputTests : TempDirectoryTest
{

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("empty.md", new byte[0], "is empty")]
    [InlineData("blank.md", new byte[] { 32, 10, 10 }, "is empty")]
    [InlineData("binary.txt", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x01 }, "is a binary file")]
    [InlineData("latin1.txt", new byte[] { 0x41, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A }, "(2): error: is not valid UTF-8")]
    public void Unreadable_input_is_a_clear_error_with_exit_code_2(string name, byte[] bytes, string expected)
    {
        var path = WriteBytes(name, bytes);
        var output = Path.Combine(Dir, "out.json");
        var (code, stdout, stderr) = CliTests.Run("check", path, "--output", output);
        code.Should().Be(2);
        stderr.Should().Contain(path).And.Contain(expected);
        stdout.Should().BeEmpty();
        File.Exists(output).Should().BeFalse("nothing is half-written");
    }

    [Fact]
    public void Missing_path_is_an_error()
    {
        var (code, _, stderr) = CliTests.Run("check", Path.Combine(Dir, "nope.md"));
        code.Should().Be(2);
        stderr.Should().Contain("nope.md: error: file not found");
    }

    [Fact]
    public void Unknown_option_and_profile_are_usage_errors()
    {
        CliTests.Run("check", TestPaths.Compilation, "--frobnicate").Code.Should().Be(2);
        var (code, _, err) = CliTests.Run("check", TestPaths.Compilation, "--profile", "gold");
        code.Should().Be(2);
        err.Should().Contain("unknown profile 'gold'");
    }

    [Theory]
    [InlineData("g")]
    [InlineData("GEN-2")]
    [InlineData("\"A B\"")]
    [InlineData("TOOLONGCODE")]
    public void A_characteristic_code_that_is_not_2_to_8_capital_letters_is_a_located_error(string code)
    {
        var rules = RulesWith(Valid);
        var catalog = Path.Combine(rules, "characteristics.yaml");
        var text = File.ReadAllText(catalog);
        var line = text[..text.IndexOf("code: GEN", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        File.WriteAllText(catalog, text.Replace("code: GEN", "code: " + code, StringComparison.Ordinal));
        var (exit, _, err) = CliTests.Run("check", TestPaths.Compilation, "--rules", rules);
        exit.Should().Be(2);
        err.Should().Contain($"characteristics.yaml({line})").And.Contain("code").And.Contain("2 to 8 capital letters");
    }

    private string RulesWith(string ruleYaml, string fileName = "WGEC9001.yaml")
    {
        var rules = Path.Combine(Dir, "rules");
        Directory.CreateDirectory(Path.Combine(rules, "lexicons"));
        File.Copy(Path.Combine(TestPaths.Rules, "characteristics.yaml"), Path.Combine(rules, "characteristics.yaml"), true);
        File.WriteAllText(Path.Combine(rules, "lexicons", "l.yaml"), "lexicons:\n  things:\n    terms:\n      - thing\n");
        File.WriteAllText(Path.Combine(rules, fileName), ruleYaml);
        return rules;
    }

    private const string Valid = """
        id: WGEC9001
        characteristic: GEN
        polarity: violates
        title: Things
        message: "'{text}' is a thing"
        help: Avoid things.
        source: Rec 84
        condition:
          lexicon: things
        examples:
          triggers: ["a [|thing|] here"]
          ignores: ["nothing"]
        """;

    [Theory]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  frobnicate: things\n", "(9): error [frobnicate]: unknown condition kind 'frobnicate'")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  pattern: '(unclosed'\n", "(9): error [pattern]: regular expression does not compile")]
    [InlineData("title: Things\n", "title: [Things\n", "error: not valid YAML")]
    [InlineData("polarity: violates\n", "polarity: sideways\n", "(3): error [polarity]: polarity must be 'meets' or 'violates'")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  lexicon: nothing-known\n", "(9): error [lexicon]: unknown lexicon class 'nothing-known'")]
    [InlineData("source: Rec 84\n", "source: Rec 84\ncolour: blue\n", "(8): error [colour]: unknown key 'colour'")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause:\n    actor: somebody\n", "(10): error [actor]: 'actor' takes present, absent or a leaf condition")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause:\n    strength: enormous\n", "(10): error [strength]: unknown strength 'enormous'; expected one of: none, weak, medium, strong")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause:\n    form: [modal, poem]\n", "(10): error [form]: unknown form 'poem'")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause:\n    object:\n      entity: date\n", "(11): error [object]: 'object' takes pattern or lexicon leaves")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause:\n    verb: {lexicon: things}\n", "(10): error [verb]: unknown key 'verb'")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause: {}\n", "(9): error [clause]: 'clause' needs at least one of")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause:\n    strength: weak, medium\n", "(10): error [strength]: unknown strength 'weak, medium'")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  clause:\n    form: []\n", "(10): error [form]: 'form' needs at least one value")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  all:\n    - lexicon: things\n    - not:\n        not:\n          lexicon: things\n", "(11): error [not]: 'not' inside 'not' is not supported")]
    [InlineData("condition:\n  lexicon: things\n", "condition:\n  all:\n    - lexicon: things\n    - not:\n        lexicon: things\n", "(9): error [not]: a 'not' that only repeats the rule's own positive conditions")]
    [InlineData("triggers: [\"a [|thing|] here\"]", "triggers: [\"a [|thing here\"]", "(11): error [examples.triggers]: a '[|' is never closed with '|]'")]
    [InlineData("triggers: [\"a [|thing|] here\"]", "triggers: [\"a [|[|thing|]|] here\"]", "(11): error [examples.triggers]: a '[|' opens a span inside another")]
    [InlineData("triggers: [\"a [|thing|] here\"]", "triggers: [\"a [||] thing\"]", "(11): error [examples.triggers]: an empty span")]
    [InlineData("triggers: [\"a [|thing|] here\"]", "triggers: [\"a thing|] here\"]", "(11): error [examples.triggers]: a '|]' closes no span")]
    [InlineData("ignores: [\"nothing\"]", "ignores: [\"no [|thing|]\"]", "(12): error [examples.ignores]: an 'ignores' example marks nothing")]
    [InlineData("triggers: [\"a [|thing|] here\"]", "triggers: [{text: \"a [|thing|]\", fixed: \"a thing\"}]", "(11): error [examples.triggers.fixed]: 'fixed' is the text after the rule's fix, and this rule has no 'fix:'")]
    [InlineData("triggers: [\"a [|thing|] here\"]", "triggers: [{text: \"a [|thing|]\", colour: red}]", "unknown key 'colour'")]
    [InlineData("examples:\n", "fix:\n  replace: item\nexamples:\n", "(13): error [examples.triggers.fixed]: the rule has a fix, so each trigger gives the text after it")]
    public void Broken_rule_files_name_file_line_and_field(string from, string to, string expected)
    {
        var rules = RulesWith(Valid.Replace(from, to, StringComparison.Ordinal));
        var act = () => RuleSetLoader.Load(rules);
        act.Should().Throw<WgecException>().Which.Describe().Should().Contain("WGEC9001.yaml").And.Contain(expected);
        var (code, _, err) = CliTests.Run("check", TestPaths.Compilation, "--rules", rules);
        code.Should().Be(2);
        err.Should().Contain(expected);
    }

    [Fact]
    public void Duplicate_rule_id_is_an_error()
    {
        var rules = RulesWith(Valid);
        File.WriteAllText(Path.Combine(rules, "copy.yaml"), Valid);
        var act = () => RuleSetLoader.Load(rules);
        act.Should().Throw<WgecException>().Which.Message.Should().Contain("duplicate rule id 'WGEC9001'");
        var (code, stdout, err) = CliTests.Run("check", TestPaths.Compilation, "--rules", rules);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        err.Should().Contain("error [id]: duplicate rule id 'WGEC9001' (also defined in rules/");
    }

    [Fact]
    public void A_valid_extra_rule_is_compiled_and_fires()
    {
        var rules = RulesWith(Valid);
        var draft = WriteBytes("d.md", "## A1\nEvery thing counts here.\n"u8.ToArray());
        var (code, output, _) = CliTests.Run("check", draft, "--rules", rules);
        code.Should().Be(0);
        output.Should().Contain("d.md(2,7): warning WGEC9001: 'thing' is a thing [GEN]");
    }

    [Fact]
    public void Every_command_that_loads_rules_reports_an_uncompilable_condition_the_same_way()
    {
        var rules = RulesWith(Valid.Replace("condition:\n  lexicon: things\n", "condition:\n  not:\n    not:\n      lexicon: things\n", StringComparison.Ordinal));
        foreach (var args in new[] { new[] { "rules", "--rules", rules }, ["explain", "WGEC9001", "--rules", rules], ["check", TestPaths.Compilation, "--rules", rules] })
        {
            var (code, stdout, err) = CliTests.Run(args);
            code.Should().Be(2, string.Join(' ', args));
            stdout.Should().BeEmpty();
            err.Should().Contain("WGEC9001.yaml(9): error [not]: 'not' inside 'not' is not supported");
        }
    }

    [Fact]
    public void A_condition_that_would_expand_without_bound_is_a_located_error()
    {
        var items = string.Concat(Enumerable.Range(0, 12).Select(i => $"    - any: [{{lexicon: things}}, {{all: [{{pattern: 'x{i}'}}]}}]\n"));
        var rules = RulesWith(Valid.Replace("condition:\n  lexicon: things\n", "condition:\n  all:\n" + items, StringComparison.Ordinal));
        var act = () => RuleSetLoader.Load(rules);
        act.Should().Throw<WgecException>().Which.Describe().Should().Contain("WGEC9001.yaml(9)").And.Contain("expands to more than 256 alternatives");
    }

    [Fact]
    public void A_wildcard_inside_a_lexicon_word_is_a_located_error()
    {
        var rules = RulesWith(Valid);
        File.WriteAllText(Path.Combine(rules, "lexicons", "l.yaml"), "lexicons:\n  things:\n    terms:\n      - thing\n      - organi*ations\n");
        var act = () => RuleSetLoader.Load(rules);
        act.Should().Throw<WgecException>().Which.Describe().Should().Contain("l.yaml(5): error [terms]: term 'organi*ations': '*' is a wildcard only at the end");
    }
}
