using System.Text;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;

namespace Wgec.Cli;

/// <summary>wgec fix: applies safe fixes atomically and re-checks; unsafe fixes are suggestions.</summary>
internal static class FixCommand
{
    public static async Task<int> Run(Options o, TextWriter stdout)
    {
        if (o.Inputs.Count == 0) throw new UsageException("fix needs at least one file or folder");
        var session = Session.Open(o, null);
        var result = session.Check();
        var sb = new StringBuilder();
        var applied = 0;
        foreach (var doc in result.Documents)
        {
            var (safe, suggestions) = Fixer.Edits(doc);
            foreach (var s in suggestions)
                sb.Append($"{doc.Document.Path}({s.Diagnostic.Location.StartLine},{s.Diagnostic.Location.StartColumn}): suggestion {s.Diagnostic.Id}: replace \"{s.Diagnostic.Text}\" with \"{s.Replacement}\" ({s.Diagnostic.Rule.Fix!.Description})\n");
            if (safe.Count == 0) continue;
            var source = doc.Document.Source;
            var fixedText = Fixer.Apply(source.Text, safe);
            if (o.DryRun)
            {
                sb.Append(Fixer.UnifiedDiff(doc.Document.Path.Replace('\\', '/'), source.Text, fixedText));
                continue;
            }
            Fixer.WriteAtomically(doc.Document.Path, source, fixedText);
            applied += safe.Count;
            sb.Append($"{doc.Document.Path}: applied {safe.Count} fix(es)\n");
        }
        if (!o.DryRun && applied > 0)
        {
            var again = Session.Open(o, null).Check();
            sb.Append($"re-checked: {again.Reported.Count(d => d.Polarity == Rules.Polarity.Violates)} violation finding(s) remain\n");
        }
        await stdout.WriteAsync(sb.ToString());
        return Ok;
    }

    private const int Ok = CommandLine.Ok;

}
