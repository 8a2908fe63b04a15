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
    public void Every_shipped_rule_that_finds_a_problem_says_how_to_fix_it()
    {
        var violations = TestPaths.RuleSet.Rules.Where(r => r.Polarity == Wgec.Rules.Polarity.Violates).ToList();
        violations.Should().NotBeEmpty();
        violations.Where(r => r.Fix is null && string.IsNullOrWhiteSpace(r.HowToFix)).Select(r => r.Id)
            .Should().BeEmpty("the page's 'How to fix' comes from 'fix:' or 'how-to-fix:'");
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
    public void The_rule_index_is_up_to_date()
    {
        File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "rules", "README.md"))
            .Should().Be(RuleDocs.Index(TestPaths.RuleSet), "docs/rules/README.md is generated (wgec rules --write-docs docs/rules)");
    }

    [Fact]
    public void Each_rule_file_is_named_by_its_id_in_the_folder_of_its_characteristic()
    {
        foreach (var rule in TestPaths.RuleSet.Rules)
            Path.GetRelativePath(TestPaths.Rules, rule.SourcePath!).Replace('\\', '/').Should().Be($"{rule.Characteristic}/{rule.Id}.yaml");
    }

    /// <summary>Rule ids are a contract with every suppression comment, baseline and SARIF history: a shipped id
    /// never disappears or changes characteristic or polarity, and a new rule is recorded when it ships.</summary>
    [Fact]
    public void No_shipped_rule_id_disappears_or_changes_meaning_and_every_rule_is_recorded()
    {
        var shipped = File.ReadAllLines(Path.Combine(TestPaths.Root, "rules", "shipped.tsv")).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(f => f[0], f => (Characteristic: f[1], Polarity: f[2]));
        var current = TestPaths.RuleSet.Rules.Select(r => r.Descriptor).Concat(Wgec.Engine.BuiltInRules.All).ToDictionary(r => r.Id);
        foreach (var (id, (characteristic, polarity)) in shipped)
        {
            current.Should().ContainKey(id, $"{id} was shipped; retire it by keeping it, not by deleting it");
            current[id].Characteristic.Should().Be(characteristic, $"{id} keeps its characteristic");
            current[id].PolarityName.Should().Be(polarity, $"{id} keeps its polarity");
        }
        current.Keys.Should().BeSubsetOf(shipped.Keys, "a new rule gets a line in rules/shipped.tsv");
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
