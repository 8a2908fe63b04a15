using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Readers;
using Wgec.Rules;

namespace Wgec.Cli;

/// <summary>wgec diff: the PR gate — what a change made better or worse, proposal by proposal.</summary>
internal static class DiffCommand
{
    public static async Task<int> Run(Options o, TextWriter stdout)
    {
        List<(string Key, DocumentResult? Old, DocumentResult? New)> pairs;
        if (o.GitRevision is { } rev)
        {
            var paths = o.Inputs.Count > 0 ? o.Inputs : ["."];
            // The repository is the inputs', not the working directory's.
            var root = Session.RepositoryRoot(paths);
            var present = paths.Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
            var newSession = present.Count > 0 ? Session.Open(o, null, present) : null;
            var newResult = newSession?.Check();
            var rules = newSession?.Rules ?? Session.LoadRules(o, []);
            var checker = newSession?.Checker ?? new Checker(rules);
            var profile = newSession?.Profile ?? o.Profile ?? RuleSet.DefaultProfile;
            var oldSources = new List<SourceText>();
            foreach (var d in newSession?.Documents ?? [])
            {
                var rel = Path.GetRelativePath(root, Path.GetFullPath(d.Path)).Replace('\\', '/');
                var content = Git(root, "show", $"{rev}:{rel}");
                if (content is not null) oldSources.Add(InputFile.Decode(d.Path, Encoding.UTF8.GetBytes(content)));
            }
            // Drafts deleted from the working tree since REV are part of the change too (all of them "removed").
            var deleted = Git(root, ["diff", "--name-only", "--no-renames", "--diff-filter=D", rev, "--", .. paths.Select(p => Path.GetFullPath(p))]) ?? "";
            foreach (var rel in deleted.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(r => InputFormats.TextExtensions.Contains(Path.GetExtension(r).ToLowerInvariant())))
                if (Git(root, "show", $"{rev}:{rel}") is { } content)
                    oldSources.Add(InputFile.Decode(Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, rel)), Encoding.UTF8.GetBytes(content)));
            var oldResult = checker.Check(oldSources.Select(DocumentReader.Parse).ToList(), profile, newSession?.OptionsFor);
            pairs = (newResult?.Documents ?? []).Select(n => (n.Document.Path, oldResult.Documents.FirstOrDefault(x => x.Document.Path == n.Document.Path), (DocumentResult?)n))
                .Concat(oldResult.Documents.Where(x => newResult?.Documents.All(n => n.Document.Path != x.Document.Path) ?? true)
                    .Select(x => (x.Document.Path, (DocumentResult?)x, (DocumentResult?)null)))
                .ToList();
        }
        else
        {
            if (o.Inputs.Count != 2) throw new UsageException("diff needs OLD and NEW (two files or two folders), or --git REV");
            var (oldPath, newPath) = (o.Inputs[0], o.Inputs[1]);
            if (File.Exists(oldPath) != File.Exists(newPath)) throw new UsageException("OLD and NEW must both be files or both be folders");
            var oldResult = Session.Open(o, null, [oldPath]).Check();
            var newResult = Session.Open(o, null, [newPath]).Check();
            string Key(string root, string path) => File.Exists(root) ? "" : Path.GetRelativePath(root, path).Replace('\\', '/');
            var keys = oldResult.Documents.Select(d => Key(oldPath, d.Document.Path))
                .Concat(newResult.Documents.Select(d => Key(newPath, d.Document.Path))).Distinct().Order(StringComparer.Ordinal);
            pairs = keys.Select(k => (k == "" ? newPath : k,
                oldResult.Documents.FirstOrDefault(d => Key(oldPath, d.Document.Path) == k),
                newResult.Documents.FirstOrDefault(d => Key(newPath, d.Document.Path) == k))).ToList();
        }
        var changes = DraftDiff.Compare(pairs);
        var output = (o.Format ?? "text") == "json" ? Json(changes) : Text(changes);
        await CommandLine.Write(o, stdout, output);
        return changes.Any(c => c.Worse) ? CommandLine.Findings : CommandLine.Ok;
    }

    private static string? Git(string root, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new UsageException("git could not be started");
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode == 0) return output;
        if (error.Contains("does not exist in", StringComparison.Ordinal) || error.Contains("exists on disk, but not in", StringComparison.Ordinal)) return null;
        throw new UsageException($"git {string.Join(' ', args)} failed: {error.Trim()}");
    }

    private static string Text(List<DraftDiff.ProposalChange> changes)
    {
        var sb = new StringBuilder();
        foreach (var c in changes.Where(c => c.Changed))
        {
            var name = c.OldId is not null && c.OldId != c.Id ? $"{c.OldId} → {c.Id}" : c.Id;
            var score = (c.OldScore, c.NewScore) switch
            {
                ({ } a, { } b) => string.Create(CultureInfo.InvariantCulture, $"score {a:0.0} → {b:0.0} ({b - a:+0.0;-0.0;0.0})"),
                (null, { } b) => string.Create(CultureInfo.InvariantCulture, $"score {b:0.0}"),
                ({ } a, null) => string.Create(CultureInfo.InvariantCulture, $"score was {a:0.0}"),
                _ => "",
            };
            sb.Append($"{c.Path}: {name} [{c.Status}]{(c.Worse ? " WORSE" : "")} {score}\n");
            foreach (var v in c.Verdicts)
                sb.Append($"  {v.Code}: {v.Old.Name()} → {v.New.Name()} ({(v.Worse ? "worse" : "better")})\n");
            foreach (var d in c.NewFindings)
                sb.Append($"  + ({d.Location.StartLine},{d.Location.StartColumn}) {d.Severity.Name()} {d.Id}: {d.Message} [{d.Characteristic}]\n");
            foreach (var d in c.ResolvedFindings)
                sb.Append($"  - resolved {d.Id}: \"{d.Text}\" [{d.Characteristic}]\n");
        }
        var worse = changes.Count(c => c.Worse);
        sb.Append($"{changes.Count(c => c.Changed)} proposal(s) changed, {worse} worse\n");
        return sb.ToString();
    }

    private static string Json(List<DraftDiff.ProposalChange> changes)
    {
        var doc = changes.Where(c => c.Changed).Select(c => new
        {
            path = c.Path.Replace('\\', '/'), id = c.Id, oldId = c.OldId, status = c.Status, worse = c.Worse,
            oldScore = c.OldScore, newScore = c.NewScore,
            verdicts = c.Verdicts.Select(v => new { code = v.Code, old = v.Old.Name(), @new = v.New.Name(), worse = v.Worse }),
            newFindings = c.NewFindings.Select(d => new { id = d.Id, characteristic = d.Characteristic, text = d.Text, line = d.Location.StartLine, column = d.Location.StartColumn, message = d.Message }),
            resolvedFindings = c.ResolvedFindings.Select(d => new { id = d.Id, characteristic = d.Characteristic, text = d.Text }),
        });
        return JsonSerializer.Serialize(new { changes = doc, worse = changes.Any(c => c.Worse) }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
