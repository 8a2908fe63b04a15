using System.Collections.Concurrent;
using FluentAssertions;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;

namespace Wgec.Tests;

/// <summary>Every rule's embedded examples: triggers must fire on exactly the [|marked|] words, ignores must not fire.</summary>
public class RuleExampleTests
{
    private static readonly ConcurrentDictionary<string, Checker> Checkers = new();

    public static IEnumerable<object[]> Triggers() =>
        TestPaths.RuleSet.Rules.SelectMany(r => r.Triggers.Select((_, i) => new object[] { r.Id, i }));

    public static IEnumerable<object[]> Ignores() =>
        TestPaths.RuleSet.Rules.SelectMany(r => r.Ignores.Select((_, i) => new object[] { r.Id, i }));

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Trigger_example_fires_on_the_marked_span(string ruleId, int index)
    {
        var rule = TestPaths.RuleSet.Rule(ruleId)!;
        var raw = rule.Triggers[index].Text;
        var open = raw.IndexOf("[|", StringComparison.Ordinal);
        var close = raw.IndexOf("|]", StringComparison.Ordinal);
        var text = raw.Remove(close, 2).Remove(open, 2);
        var expected = text[open..(close - 2)];

        var diagnostics = Run(rule, text);

        diagnostics.Should().Contain(d => d.Id == ruleId, $"the example of {ruleId} should trigger it");
        diagnostics.Where(d => d.Id == ruleId).Select(d => text[d.Start..d.End]).Should().Contain(expected);
    }

    [Theory]
    [MemberData(nameof(Ignores))]
    public void Ignore_example_does_not_fire(string ruleId, int index)
    {
        var rule = TestPaths.RuleSet.Rule(ruleId)!;
        Run(rule, rule.Ignores[index].Text).Should().NotContain(d => d.Id == ruleId);
    }

    private static List<Diagnostic> Run(RuleDefinition rule, string text)
    {
        var checker = Checkers.GetOrAdd(rule.Id, _ => new Checker(TestPaths.RuleSet.Only([rule])));
        var path = text.Contains("## ", StringComparison.Ordinal) ? "example.md" : "example.txt";
        var document = DocumentReader.Parse(new SourceText(path, text));
        return checker.Check([document], "full").AllDiagnostics.ToList();
    }
}
