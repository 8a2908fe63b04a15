using System.Globalization;
using System.Text;
using System.Text.Json;
using Wgec.Engine;
using Wgec.Reporting;
using Wgec.Evaluation;
using Wgec.Model;

namespace Wgec.Cli;

internal static class EvalRendering
{
    private static string F(double x) => GoldEvaluator.F(x);

    public static string Text(EvaluationReport r, bool disagreements)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{r.Items} labelled items compared");
        if (r.Missing.Count > 0) sb.Append($"; not found in the inputs: {string.Join(", ", r.Missing)}");
        sb.Append("\n\ncode    n    kappa  accuracy  P(v)   R(v)   F1(v)  P(m)   R(m)   F1(m)\n");
        foreach (var s in r.Scores)
            sb.Append(CultureInfo.InvariantCulture,
                $"{s.Code,-6} {s.N,3}  {F(s.Kappa),6}  {F(s.Accuracy),6}  {F(s.ViolatesPrecision)}  {F(s.ViolatesRecall)}  {F(s.ViolatesF1)}  {F(s.MeetsPrecision)}  {F(s.MeetsRecall)}  {F(s.MeetsF1)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"\nmacro kappa (core): {F(r.MacroKappaCore)}\nmacro kappa (all):  {F(r.MacroKappaAll)}\nmacro accuracy:     {F(r.MacroAccuracy)}\nmacro F1 violates:  {F(r.MacroF1Violates)}\nmacro F1 meets:     {F(r.MacroF1Meets)}\n");
        if (r.PerDocument.Count > 0)
        {
            const string macroLabel = "macro over documents";
            var width = Math.Max(macroLabel.Length, r.PerDocument.Max(d => d.Stem.Length));
            sb.Append('\n').Append("document".PadRight(width)).Append("  items  kappa(core)  kappa(all)\n");
            foreach (var d in r.PerDocument)
                sb.Append(CultureInfo.InvariantCulture, $"{d.Stem.PadRight(width)}  {d.Items,5}  {F(d.MacroKappaCore),11}  {F(d.MacroKappaAll),10}\n");
            sb.Append(CultureInfo.InvariantCulture, $"{macroLabel.PadRight(width)}  {r.PerDocument.Count,5}  {F(r.DocumentMacroKappaCore),11}  {F(r.DocumentMacroKappaAll),10}\n");
        }
        if (disagreements)
        {
            sb.Append("\ndisagreements (id, characteristic, label, verdict, and the words that decided it):\n");
            foreach (var d in r.Disagreements)
            {
                sb.Append($"  {d.Key} {d.Code} label {d.Gold.Name()}, verdict {d.Predicted.Name()}\n");
                if (d.Evidence.Count == 0) sb.Append("      nothing fired\n");
                foreach (var e in d.Evidence)
                    sb.Append(CultureInfo.InvariantCulture, $"      {e.Location.StartLine}:{e.Location.StartColumn} {e.Id} {e.Polarity.ToString().ToLowerInvariant()} '{Whitespace.Collapse(e.Text)}'\n");
            }
        }
        return sb.ToString();
    }

    public static string Json(EvaluationReport r, bool disagreements)
    {
        var doc = new Dictionary<string, object>
        {
            ["items"] = r.Items,
            ["missing"] = r.Missing,
            ["characteristics"] = r.Scores.Select(s => new
            {
                code = s.Code, n = s.N, kappa = Math.Round(s.Kappa, 4), accuracy = Math.Round(s.Accuracy, 4),
                violates = new { precision = Math.Round(s.ViolatesPrecision, 4), recall = Math.Round(s.ViolatesRecall, 4), f1 = Math.Round(s.ViolatesF1, 4) },
                meets = new { precision = Math.Round(s.MeetsPrecision, 4), recall = Math.Round(s.MeetsRecall, 4), f1 = Math.Round(s.MeetsF1, 4) },
            }),
            ["macro"] = new
            {
                kappaCore = Math.Round(r.MacroKappaCore, 4), kappaAll = Math.Round(r.MacroKappaAll, 4),
                accuracy = Math.Round(r.MacroAccuracy, 4), f1Violates = Math.Round(r.MacroF1Violates, 4), f1Meets = Math.Round(r.MacroF1Meets, 4),
            },
            ["documents"] = r.PerDocument.Select(d => new
            {
                path = d.Path.Replace('\\', '/'), stem = d.Stem, items = d.Items,
                kappaCore = Math.Round(d.MacroKappaCore, 4), kappaAll = Math.Round(d.MacroKappaAll, 4),
            }),
            ["macroOverDocuments"] = new { kappaCore = Math.Round(r.DocumentMacroKappaCore, 4), kappaAll = Math.Round(r.DocumentMacroKappaAll, 4) },
        };
        if (disagreements)
            doc["disagreements"] = r.Disagreements.Select(d => new
            {
                id = d.Key, code = d.Code, label = d.Gold.Name(), verdict = d.Predicted.Name(),
                evidence = d.Evidence.Select(e => new { rule = e.Id, polarity = e.Polarity.ToString().ToLowerInvariant(), text = e.Text, line = e.Location.StartLine, column = e.Location.StartColumn }),
            });
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
