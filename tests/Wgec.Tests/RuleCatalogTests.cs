using FluentAssertions;
using Wgec.Reporting;
using Wgec.Rules;

namespace Wgec.Tests;

public class RuleCatalogTests
{
    [Fact]
    public void The_leaf_table_of_the_rule_language_is_the_registry_of_condition_kinds()
    {
        // Adding a kind is one file plus one registry line; this keeps docs/rule-language.md in step with it.
        var doc = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "rule-language.md")).Replace("\r\n", "\n");
        var start = doc.IndexOf("| leaf | example | finds |\n|---|---|---|\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        var rows = doc[start..].Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        var expected = Wgec.Rules.Conditions.ConditionKinds.Leaves.Select(k => $"| `{k.Name}` | {k.Example} | {k.Finds} |").ToList();
        rows.Should().Equal(expected);
    }

    [Fact]
    public void Every_condition_kind_of_the_registry_is_accepted_by_the_parser_and_an_unknown_one_lists_them()
    {
        var names = Wgec.Rules.Conditions.ConditionKinds.AllNames.ToList();
        names.Should().Contain(["pattern", "lexicon", "entity", "list", "count", "similar", "clause", "all", "any", "not", "near"]);
        var dir = Directory.CreateTempSubdirectory("wgec-kinds-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "lexicons"));
            File.Copy(Path.Combine(TestPaths.Rules, "characteristics.yaml"), Path.Combine(dir, "characteristics.yaml"));
            File.WriteAllText(Path.Combine(dir, "WGEC9001.yaml"), "id: WGEC9001\ncharacteristic: GEN\npolarity: violates\ntitle: t\nmessage: m\nhelp: h\nsource: s\ncondition:\n  poem: x\nexamples:\n  triggers: ['[|a|]']\n  ignores: ['b']\n");
            var act = () => RuleSetLoader.Load(dir);
            act.Should().Throw<Wgec.Model.WgecException>().WithMessage($"unknown condition kind 'poem'; expected one of: {string.Join(", ", names)}");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Every_rule_has_an_up_to_date_documentation_page()
    {
        foreach (var rule in TestPaths.RuleSet.Rules)
        {
            var page = Path.Combine(TestPaths.Root, "docs", "rules", rule.Id + ".md");
            File.Exists(page).Should().BeTrue($"{rule.Id} needs docs/rules/{rule.Id}.md (wgec rules --write-docs docs/rules)");
            File.ReadAllText(page).Should().Be(RuleDocs.Page(rule, TestPaths.RuleSet), $"docs/rules/{rule.Id}.md is out of date");
        }
    }

    [Fact]
    public void Every_rule_has_examples_both_ways()
    {
        TestPaths.RuleSet.Rules.Should().OnlyContain(r => r.Triggers.Count > 0 && r.Ignores.Count > 0);
    }

    [Fact]
    public void Every_characteristic_has_rules_and_core_ones_have_both_polarities_the_catalogue_defines()
    {
        var rules = TestPaths.RuleSet.Rules;
        foreach (var c in TestPaths.RuleSet.Characteristics)
            rules.Should().Contain(r => r.Characteristic == c.Code, $"{c.Code} needs at least one rule");
        var required = new (string Code, Polarity Polarity)[]
        {
            ("GEN", Polarity.Violates), ("GEN", Polarity.Meets), ("INC", Polarity.Meets), ("INC", Polarity.Violates),
            ("FUT", Polarity.Violates), ("FUT", Polarity.Meets), ("NDUP", Polarity.Violates), ("NDUP", Polarity.Meets),
            ("DEV", Polarity.Meets), ("DEV", Polarity.Violates), ("MEAS", Polarity.Meets),
        };
        foreach (var (code, polarity) in required)
            rules.Should().Contain(r => r.Characteristic == code && r.Polarity == polarity, $"{code} needs {polarity} evidence");
    }

    [Fact]
    public void Profiles_are_core_six_and_full_eighteen()
    {
        TestPaths.RuleSet.Profiles["core"].Should().Equal("GEN", "INC", "FUT", "NDUP", "DEV", "MEAS");
        TestPaths.RuleSet.Profiles["full"].Should().HaveCount(18);
    }

    [Fact]
    public void Rules_name_no_particular_proposal()
    {
        var pattern = new System.Text.RegularExpressions.Regex(@"\b(?:R\d{1,2}|UK-F\d+|US-F\d+|ICANN-\d+)\b");
        foreach (var file in Directory.EnumerateFiles(TestPaths.Rules, "*.yaml", SearchOption.AllDirectories))
            pattern.IsMatch(File.ReadAllText(file)).Should().BeFalse($"{file} must describe language, not proposals");
    }
}
