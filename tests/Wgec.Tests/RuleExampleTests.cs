using FluentAssertions;
using Wgec.Engine;
using Wgec.Rules;

namespace Wgec.Tests;

/// <summary>Every rule's embedded examples, one test each: triggers fire on exactly the [|marked|] spans (with the
/// promised message and, for a rule with a fix, the promised text after it), ignores do not fire.</summary>
public class RuleExampleTests
{
    private static readonly RuleExamples Examples = new(TestPaths.RuleSet);

    public static IEnumerable<object[]> Triggers() =>
        TestPaths.RuleSet.Rules.SelectMany(r => r.Triggers.Select((_, i) => new object[] { r.Id, i }));

    public static IEnumerable<object[]> Ignores() =>
        TestPaths.RuleSet.Rules.SelectMany(r => r.Ignores.Select((_, i) => new object[] { r.Id, i }));

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Trigger_example_shows_what_the_rule_promises(string ruleId, int index)
    {
        var rule = TestPaths.RuleSet.Rule(ruleId)!;
        Examples.Trigger(rule, rule.Triggers[index]).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Ignores))]
    public void Ignore_example_does_not_fire(string ruleId, int index)
    {
        var rule = TestPaths.RuleSet.Rule(ruleId)!;
        Examples.Ignore(rule, rule.Ignores[index]).Should().BeEmpty();
    }

    [Fact]
    public void Every_fix_is_tested_by_its_examples()
    {
        var withFix = TestPaths.RuleSet.Rules.Where(r => r.Fix is not null).ToList();
        withFix.Should().NotBeEmpty();
        withFix.Should().OnlyContain(r => r.Triggers.All(t => t.Fixed != null));
    }
}
