using System.Text.Json;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Rules;
using Wgec.Scoring;

namespace Wgec.Reporting;

/// <summary>The machine-readable shape of a check (field names are a contract: other tools read them).</summary>
public static class JsonReporter
{
    public const string ToolName = "wgec";

    public static string Version => typeof(JsonReporter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void Write(CheckResult result, TextWriter output)
    {
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteString("name", ToolName);
            w.WriteString("version", Version);
            w.WriteEndObject();
            w.WriteString("profile", result.Profile);
            w.WriteString("scoring", Scorer.Formula);
            w.WriteStartArray("documents");
            foreach (var doc in result.Documents) WriteDocument(w, doc);
            w.WriteEndArray();
            if (result.Baselined > 0 || result.BaselineFixed > 0)
            {
                w.WriteStartObject("baseline");
                w.WriteNumber("baselined", result.Baselined);
                w.WriteNumber("fixed", result.BaselineFixed);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    private static void WriteDocument(Utf8JsonWriter w, DocumentResult doc)
    {
        w.WriteStartObject();
        w.WriteString("path", doc.Document.DisplayPath);
        w.WriteNumber("score", doc.Score);
        w.WriteStartArray("proposals");
        foreach (var p in doc.Proposals)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Proposal.Id);
            w.WriteString("title", p.Proposal.Title);
            w.WriteString("contributor", p.Proposal.Contributor);
            w.WriteString("section", p.Proposal.Section);
            WriteLocation(w, "location", p.Proposal.Location);
            w.WriteNumber("score", p.Score);
            w.WriteStartObject("verdicts");
            foreach (var (code, verdict) in p.Verdicts) w.WriteString(code, verdict.Name());
            w.WriteEndObject();
            w.WriteStartArray("tensions");
            foreach (var t in p.Tensions)
            {
                w.WriteStartArray();
                w.WriteStringValue(t.Avoid);
                w.WriteStringValue(t.Include);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in p.Diagnostics) WriteDiagnostic(w, d);
            w.WriteEndArray();
            w.WriteEndObject();
            JsonOutput.FlushSometimes(w);
        }
        w.WriteEndArray();
        if (doc.Diagnostics.Count > 0)
        {
            w.WriteStartArray("diagnostics");
            foreach (var d in doc.Diagnostics) WriteDiagnostic(w, d);
            w.WriteEndArray();
        }
        if (doc.MinScore is { } min)
        {
            w.WriteNumber("minScore", min);
            w.WriteStartArray("belowMinScore");
            foreach (var id in doc.BelowMinScore) w.WriteStringValue(id);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("severity", d.Severity.Name());
        w.WriteString("characteristic", d.Characteristic);
        w.WriteString("polarity", d.Rule.PolarityName);
        w.WriteString("message", d.Message);
        w.WriteString("text", d.Text);
        WriteLocation(w, "location", d.Location);
        w.WriteString("helpUri", d.Rule.HelpUri);
        w.WriteStartArray("related");
        foreach (var r in d.Related)
        {
            w.WriteStartObject();
            w.WriteString("id", r.ProposalId);
            w.WriteString("path", r.Path.Replace('\\', '/'));
            WriteLocation(w, "location", r.Location);
            w.WriteString("message", r.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("fingerprint", d.Fingerprint);
        if (d.Suppression is { } s)
        {
            w.WriteStartObject("suppressed");
            w.WriteString("kind", s.Kind.JsonName());
            w.WriteString("justification", s.Justification);
            w.WriteEndObject();
        }
        if (d.Rule.Fix is { } fix)
        {
            w.WriteStartObject("fix");
            w.WriteString("replacement", fix.Replacement);
            w.WriteBoolean("safe", fix.Safe);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, string name, Location l)
    {
        w.WriteStartObject(name);
        w.WriteNumber("startLine", l.StartLine);
        w.WriteNumber("startColumn", l.StartColumn);
        w.WriteNumber("endLine", l.EndLine);
        w.WriteNumber("endColumn", l.EndColumn);
        w.WriteEndObject();
    }
}
