using System.Collections.Concurrent;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>An example of a rule file that does not show what it promises, at the example's line.</summary>
public sealed record ExampleFailure(RuleDefinition Rule, RuleExample Example, string Problem)
{
    public string Describe() => $"{Rule.SourcePath ?? Rule.File}({Example.Line}): error {Rule.Id}: {Problem}";
}

/// <summary>
/// Runs a rule's examples as tests (the test suite and 'wgec rules --test' both use it): a trigger must fire
/// on exactly its marked spans, with a message containing its 'message' fragment and, for a rule with a fix,
/// reading as its 'fixed' text after the fix; an ignore must not fire. Each rule runs alone, so an example tests
/// its own rule and nothing else.
/// </summary>
public sealed class RuleExamples(RuleSet rules)
{
    private readonly ConcurrentDictionary<string, Checker> _checkers = new(StringComparer.Ordinal);

    /// <summary>Every failure of every example of the given rules, in rule and example order.</summary>
    public List<ExampleFailure> Run(IEnumerable<RuleDefinition> selected)
    {
        var failures = new List<ExampleFailure>();
        foreach (var rule in selected)
        {
            foreach (var t in rule.Triggers) failures.AddRange(Trigger(rule, t).Select(p => new ExampleFailure(rule, t, p)));
            foreach (var i in rule.Ignores) failures.AddRange(Ignore(rule, i).Select(p => new ExampleFailure(rule, i, p)));
        }
        return failures;
    }

    /// <summary>What is wrong with a trigger example (nothing when it passes).</summary>
    public IEnumerable<string> Trigger(RuleDefinition rule, RuleExample example)
    {
        var result = Check(rule, example.Plain);
        var fired = result.AllDiagnostics.Where(d => d.Id == rule.Id).ToList();
        if (fired.Count == 0)
        {
            yield return $"the trigger does not fire: \"{example.Text}\"";
            yield break;
        }
        var spans = fired.Select(d => (d.Start, d.End)).Distinct().Order().ToList();
        if (!spans.SequenceEqual(example.Spans.Order()))
            yield return $"the trigger fires on {Quoted(example.Plain, spans)}, not on exactly the marked {Quoted(example.Plain, example.Spans.Order())}";
        if (example.Message is { } fragment && !fired.Any(d => d.Message.Contains(fragment, StringComparison.Ordinal)))
            yield return $"no message contains \"{fragment}\"; the message is \"{fired[0].Message}\"";
        if (rule.Fix is not null && example.Fixed is { } expected)
        {
            var (safe, suggestions) = Fixer.Edits(result);
            var after = Fixer.Apply(example.Plain, safe.Concat(suggestions).Where(e => e.Diagnostic.Id == rule.Id));
            if (after != expected) yield return $"after the fix the text reads \"{after}\", not \"{expected}\"";
        }
    }

    /// <summary>What is wrong with an ignore example (nothing when it passes).</summary>
    public IEnumerable<string> Ignore(RuleDefinition rule, RuleExample example)
    {
        var fired = Check(rule, example.Plain).AllDiagnostics.Where(d => d.Id == rule.Id).Select(d => (d.Start, d.End)).Distinct().Order().ToList();
        if (fired.Count > 0) yield return $"the ignore fires on {Quoted(example.Plain, fired)}: \"{example.Text}\"";
    }

    private DocumentResult Check(RuleDefinition rule, string text)
    {
        var checker = _checkers.GetOrAdd(rule.Id, _ => new Checker(rules.Only([rule])));
        // A heading makes the example a Markdown draft (for rules about proposals and documents).
        var path = text.Contains("## ", StringComparison.Ordinal) ? "example.md" : "example.txt";
        return checker.Check([DocumentReader.Parse(new SourceText(path, text))], "full").Documents.Single();
    }

    private static string Quoted(string text, IEnumerable<(int Start, int End)> spans) =>
        string.Join(", ", spans.Select(s => $"'{text[s.Start..s.End]}'"));
}
