using System.Globalization;
using Wgec.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules;

/// <summary>Small strict helpers over YamlDotNet's node model: every error names the file, the line and the field.</summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    /// <param name="emptyIsEmptyMapping">A file of comments only is an empty mapping (a configuration with every default).</param>
    public YamlMappingNode LoadMapping(string text, bool emptyIsEmptyMapping = false)
    {
        YamlGuard.Check(File, text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new WgecException(File, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed documents this way rather than with a YamlException.
            throw new WgecException(File, null, $"not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 && emptyIsEmptyMapping) return new YamlMappingNode();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new WgecException(File, 1, "expected a YAML mapping (key: value lines) at the top level");
        return map;
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public WgecException Error(YamlNode node, string field, string message) => new(File, Line(node), message, field);

    public void OnlyKeys(YamlMappingNode map, string context, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name))
                throw Error(key, name, $"unknown key '{name}' in {context}; expected one of: {string.Join(", ", allowed)}");
        }
    }

    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string RequiredString(YamlMappingNode map, string key)
    {
        var node = Get(map, key) ?? throw Error(map, key, $"missing required field '{key}'");
        return Scalar(node, key);
    }

    public string? OptionalString(YamlMappingNode map, string key) => Get(map, key) is { } n ? Scalar(n, key) : null;

    public string Scalar(YamlNode node, string field)
    {
        if (node is not YamlScalarNode s || s.Value is null)
            throw Error(node, field, $"'{field}' must be a single value");
        return s.Value;
    }

    public int Int(YamlNode node, string field, int min, int max)
    {
        var text = Scalar(node, field);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw Error(node, field, $"'{field}' must be a whole number from {min} to {max}, not '{text}'");
        return v;
    }

    public double Number(YamlNode node, string field, double min, double max)
    {
        var text = Scalar(node, field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw Error(node, field, $"'{field}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return v;
    }

    public bool Bool(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        return text switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error(node, field, $"'{field}' must be true or false, not '{text}'"),
        };
    }

    public YamlSequenceNode Sequence(YamlNode node, string field) =>
        node as YamlSequenceNode ?? throw Error(node, field, $"'{field}' must be a list");

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, $"'{field}' must be a mapping (key: value lines)");
}
