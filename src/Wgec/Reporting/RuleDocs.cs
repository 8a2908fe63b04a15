using System.Text;
using Wgec.Rules;

namespace Wgec.Reporting;

/// <summary>One documentation page per rule (docs/rules/WGECnnnn.md), generated from the rule file so it never drifts.</summary>
public static class RuleDocs
{
    public static string Page(RuleDefinition rule, RuleSet set)
    {
        var c = set.Characteristic(rule.Characteristic);
        var sb = new StringBuilder();
        sb.Append($"# {rule.Id}: {rule.Title}\n\n");
        sb.Append("| | |\n|---|---|\n");
        sb.Append($"| Characteristic | {c.Code} — {c.Name} ({(c.Kind == CharacteristicKind.Avoid ? "avoid" : "include")}) |\n");
        sb.Append($"| Evidence that the text | {rule.PolarityName} {c.Code} |\n");
        sb.Append($"| Default severity | {rule.DefaultSeverity.Name()} |\n");
        sb.Append($"| Scope | {rule.Scope.ToString().ToLowerInvariant()} |\n");
        sb.Append($"| Rule file | `{rule.File}` |\n\n");
        sb.Append("## What it detects\n\n").Append(rule.Title).Append(".\n\n").Append(rule.Help.Trim()).Append("\n\n");
        sb.Append("## Why\n\n").Append($"From the working group's compilation: {rule.Source}. ");
        sb.Append($"Catalogue sources of {c.Code}: {c.Sources}.\n\n");
        sb.Append("## Examples\n\nTriggers (the marked words are what the diagnostic points at):\n\n");
        foreach (var t in rule.Triggers) sb.Append("```text\n").Append(t.Text.Replace("[|", "⟦").Replace("|]", "⟧")).Append("\n```\n\n");
        sb.Append("Does not trigger:\n\n");
        foreach (var t in rule.Ignores) sb.Append("```text\n").Append(t.Text).Append("\n```\n\n");
        sb.Append("## How to fix\n\n");
        if (rule.Polarity == Polarity.Meets)
            sb.Append("Nothing to fix: this rule records evidence that the text meets the characteristic.\n\n");
        else if (rule.HowToFix is { } how && rule.Fix is null)
            sb.Append(how.Trim()).Append("\n\n");
        else if (rule.Fix is { } fix)
            sb.Append($"Replace the marked words with “{fix.Replacement}”{(fix.Safe ? " (a safe fix, applied by `wgec fix`)" : " (a suggestion: it may change the meaning, so it is never applied automatically)")}. {fix.Description}\n\n");
        else
            sb.Append("Rewrite the marked words as the help above explains: ").Append(rule.Message.Replace("'{text}'", "the marked words").Replace("{detail}", "…").Replace("{related}", "the other proposal")).Append(".\n\n");
        sb.Append("## How to suppress\n\n");
        sb.Append($"Lower or switch off the rule in `wgec.yaml` (`severity: {{ {rule.Id}: none }}`), or, in a Markdown draft, ");
        sb.Append($"around the words: `<!-- wgec-disable {rule.Id} reason=\"…\" -->` … `<!-- wgec-enable {rule.Id} -->`.\n");
        return sb.ToString();
    }
}
