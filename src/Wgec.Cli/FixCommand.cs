using System.Text;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;

namespace Wgec.Cli;

/// <summary>wgec fix: applies safe fixes atomically and re-checks; unsafe fixes are suggestions.</summary>
internal static class FixCommand
{
    public static async Task<int> Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        if (o.Inputs.Count == 0) throw new UsageException("fix needs at least one file or folder");
        var session = Session.Open(o, null);
        var result = session.Check();
        var sb = new StringBuilder();
        var applied = 0;
        var failed = new List<WgecException>();
        foreach (var doc in result.Documents)
        {
            var (safe, suggestions) = Fixer.Edits(doc);
            foreach (var s in suggestions)
                sb.Append($"{doc.Document.Path}({s.Diagnostic.Location.StartLine},{s.Diagnostic.Location.StartColumn}): suggestion {s.Diagnostic.Id}: replace \"{s.Diagnostic.Text}\" with \"{s.Replacement}\" ({s.Diagnostic.Rule.Fix!.Description})\n");
            if (safe.Count == 0) continue;
            if (doc.Document.Format == DocxReader.Format.Name)
            {
                sb.Append($"{doc.Document.Path}: {safe.Count} safe fix(es) not applied: wgec does not rewrite .docx files; make them in Word\n");
                continue;
            }
            var source = doc.Document.Source;
            var fixedText = Fixer.Apply(source.Text, safe);
            if (o.DryRun)
            {
                sb.Append(Fixer.UnifiedDiff(doc.Document.DisplayPath, source.Text, fixedText));
                continue;
            }
            try
            {
                Fixer.WriteAtomically(doc.Document.Path, source, fixedText);
            }
            catch (WgecException e)
            {
                failed.Add(e); // the other files are still fixed; each is reported as written or not
                continue;
            }
            applied += safe.Count;
            sb.Append($"{doc.Document.Path}: applied {safe.Count} fix(es)\n");
        }
        if (!o.DryRun && applied > 0)
        {
            var again = Session.Open(o, null).Check();
            sb.Append($"re-checked: {again.Reported.Count(d => d.Polarity == Rules.Polarity.Violates)} violation finding(s) remain\n");
        }
        await stdout.WriteAsync(sb.ToString());
        foreach (var e in failed) await stderr.WriteLineAsync(e.Describe());
        foreach (var p in session.Problems) await stderr.WriteLineAsync(p.Describe());
        return failed.Count > 0 || session.Problems.Count > 0 ? CommandLine.Usage : Ok;
    }

    private const int Ok = CommandLine.Ok;

}
