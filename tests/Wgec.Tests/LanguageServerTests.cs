using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Wgec.Cli;
using Wgec.LanguageServer;

namespace Wgec.Tests;

/// <summary>The language server, driven over JSON-RPC as an editor drives it.</summary>
public sealed class LanguageServerTests : TempDirectoryTest
{
    private const string Draft = """
        ---
        profile: full
        ---
        # Draft

        ## P1 National strategies

        Member States shall publish their national strategies on enhanced cooperation and review them every two years.

        ## P2 Capacity

        All stakeholders should support capacity building in developing countries, with particular attention to the least developed countries.

        """;

    private const string Restating = """

        ## P3 Strategies again

        Member States should publish their national strategies on enhanced cooperation and review them every two years, as agreed.

        """;

    private string Uri(string name) => new Uri(Path.Combine(Dir, name)).AbsoluteUri;

    /// <summary>The words an LSP range covers, counted here independently of the server (UTF-16 columns, lines split at '\n').</summary>
    private static string At(string text, JsonNode range)
    {
        int Offset(JsonNode position)
        {
            var lines = text.Split('\n');
            var line = position["line"]!.GetValue<int>();
            return lines.Take(line).Sum(l => l.Length + 1) + position["character"]!.GetValue<int>();
        }
        return text[Offset(range["start"]!)..Offset(range["end"]!)];
    }

    private static JsonObject Only(JsonArray diagnostics, string code) =>
        diagnostics.OfType<JsonObject>().Should().ContainSingle(d => d["code"]!.GetValue<string>() == code).Subject;

    private static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    private static JsonObject Doc(string uri) => new() { ["uri"] = uri };

    [Fact]
    public async Task Initialize_announces_what_the_server_does()
    {
        await using var client = new LspTestClient();
        var reply = await client.Initialize();
        var caps = reply["result"]!["capabilities"]!;
        caps["textDocumentSync"]!["change"]!.GetValue<int>().Should().Be(2, "incremental sync");
        caps["hoverProvider"]!.GetValue<bool>().Should().BeTrue();
        caps["diagnosticProvider"].Should().NotBeNull();
        caps["executeCommandProvider"]!["commands"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Contain(LspFeatures.ExplainCommand);
        reply["result"]!["serverInfo"]!["name"]!.GetValue<string>().Should().Be("wgec");
    }

    [Fact]
    public async Task Opening_a_draft_publishes_the_findings_on_their_exact_words_with_rule_and_page()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var diagnostics = await client.Published(uri, 1);
        var duty = Only(diagnostics, "WGEC1802");
        At(Draft, duty["range"]!).Should().Be("shall");
        duty["source"]!.GetValue<string>().Should().Be("wgec");
        duty["severity"]!.GetValue<int>().Should().Be(LspDiagnostics.Warning);
        duty["message"]!.GetValue<string>().Should().Contain("imposes a duty").And.Contain("[VOL violates]");
        var page = new Uri(duty["codeDescription"]!["href"]!.GetValue<string>());
        File.ReadAllText(page.LocalPath).Should().Contain("WGEC1802");
        diagnostics.OfType<JsonObject>().Where(d => d["severity"]!.GetValue<int>() == LspDiagnostics.Hint)
            .Should().NotBeEmpty("the evidence of characteristics met is shown as hints");
    }

    [Fact]
    public async Task An_incremental_change_rechecks_only_the_edited_proposal_and_publishes_the_new_findings()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        Only(await client.Published(uri, 1), "WGEC1802");
        var line = Draft.Split('\n').ToList().FindIndex(l => l.Contains("shall", StringComparison.Ordinal));
        var column = Draft.Split('\n')[line].IndexOf("shall", StringComparison.Ordinal);
        await client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = Position(line, column), ["end"] = Position(line, column + "shall".Length) }, ["text"] = "should",
            }),
        });
        var after = await client.Published(uri, 2);
        after.OfType<JsonObject>().Should().NotContain(d => d["code"]!.GetValue<string>() == "WGEC1802");
        var stats = (await client.Request("wgec/lastCheck", new JsonObject { ["textDocument"] = Doc(uri) }))["result"]!;
        stats["proposals"]!.GetValue<int>().Should().Be(2);
        stats["fired"]!.GetValue<int>().Should().Be(1, "only the edited proposal is fired again");
        stats["reused"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Near_duplicate_links_follow_edits_of_the_original_and_point_at_it()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        var text = Draft + Restating;
        await client.Open(uri, text);
        var restates = Only(await client.Published(uri, 1), "WGEC0402");
        restates["data"]!["proposal"]!.GetValue<string>().Should().Be("P3");
        var related = restates["relatedInformation"]!.AsArray().Single()!;
        related["location"]!["uri"]!.GetValue<string>().Should().Be(uri);
        At(text, related["location"]!["range"]!).Should().StartWith("Member States shall publish");

        // Rewrite the original (P1) only: P3 is unchanged, yet no longer restates anything.
        var original = "Member States shall publish their national strategies on enhanced cooperation and review them every two years.";
        var changed = text.Replace(original, "Regional bodies could exchange experience of open data portals with one another.", StringComparison.Ordinal);
        await client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 }, ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = changed }),
        });
        (await client.Published(uri, 2)).OfType<JsonObject>().Should().NotContain(d => d["code"]!.GetValue<string>() == "WGEC0402");
    }

    [Fact]
    public async Task Pulled_diagnostics_equal_the_pushed_ones_and_say_unchanged_when_nothing_changed()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var pushed = await client.Published(uri, 1);
        var pulled = (await client.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = Doc(uri) }))["result"]!;
        pulled["kind"]!.GetValue<string>().Should().Be("full");
        pulled["items"]!.ToJsonString().Should().Be(pushed.ToJsonString());
        var again = (await client.Request("textDocument/diagnostic", new JsonObject
        {
            ["textDocument"] = Doc(uri), ["previousResultId"] = pulled["resultId"]!.GetValue<string>(),
        }))["result"]!;
        again["kind"]!.GetValue<string>().Should().Be("unchanged");
    }

    [Fact]
    public async Task Hover_explains_a_finding_and_a_heading_shows_the_proposals_verdicts()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var duty = Only(await client.Published(uri, 1), "WGEC1802");
        var onFinding = (await client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(uri), ["position"] = duty["range"]!["start"]!.DeepClone() }))["result"]!;
        var text = onFinding["contents"]!["value"]!.GetValue<string>();
        text.Should().Contain("A duty expressed with shall or must").And.Contain("**Why:**").And.Contain("**From:**").And.Contain("'should'");

        var heading = Draft.Split('\n').ToList().FindIndex(l => l.StartsWith("## P1", StringComparison.Ordinal));
        var onHeading = (await client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(uri), ["position"] = Position(heading, 3) }))["result"]!;
        var verdicts = onHeading["contents"]!["value"]!.GetValue<string>();
        verdicts.Should().Contain("**P1** · score").And.Contain("| VOL | violates | WGEC1802 |").And.Contain("profile full");

        var blank = (await client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(uri), ["position"] = Position(heading - 1, 0) }));
        blank["result"].Should().BeNull("a blank line has nothing to say");
    }

    [Fact]
    public async Task Code_actions_fix_exactly_the_marked_words_and_insert_a_suppression_that_takes_effect()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var duty = Only(await client.Published(uri, 1), "WGEC1802");
        var actions = (await client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = Doc(uri), ["range"] = duty["range"]!.DeepClone(), ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(duty.DeepClone()) },
        }))["result"]!.AsArray().OfType<JsonObject>().ToList();

        var fix = actions.Should().ContainSingle(a => a["kind"]!.GetValue<string>() == "quickfix" && a["isPreferred"]!.GetValue<bool>()).Subject;
        var edit = fix["edit"]!["changes"]![uri]!.AsArray().Single()!;
        edit["newText"]!.GetValue<string>().Should().Be("should");
        At(Draft, edit["range"]!).Should().Be("shall");

        var suppress = actions.Should().ContainSingle(a => a["title"]!.GetValue<string>().StartsWith("Accept WGEC1802", StringComparison.Ordinal)).Subject;
        var insert = suppress["edit"]!["changes"]![uri]!.AsArray().Single()!;
        insert["newText"]!.GetValue<string>().Should().Be("<!-- wgec-disable-next-line WGEC1802 reason=\"\" -->\n");
        actions.Should().Contain(a => a["command"] != null && a["command"]!["command"]!.GetValue<string>() == LspFeatures.ExplainCommand);

        await client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = insert["range"]!.DeepClone(), ["text"] = insert["newText"]!.GetValue<string>() }),
        });
        var after = await client.Published(uri, 2);
        after.OfType<JsonObject>().Should().NotContain(d => d["code"]!.GetValue<string>() == "WGEC1802", "the suppression accepts it");
        Only(after, "WGEC0002"); // …and asks for the reason left empty
    }

    [Fact]
    public async Task Explain_gives_the_same_text_as_the_command_line()
    {
        var path = Write("d.md", Draft);
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = new Uri(path).AbsoluteUri;
        await client.Open(uri, Draft);
        await client.Published(uri, 1);
        var lenses = (await client.Request("textDocument/codeLens", new JsonObject { ["textDocument"] = Doc(uri) }))["result"]!.AsArray();
        lenses.Should().HaveCount(2);
        lenses[0]!["command"]!["title"]!.GetValue<string>().Should().MatchRegex(@"^wgec \d+\.\d · violates .*VOL");
        var explained = (await client.Request("workspace/executeCommand", lenses[0]!["command"]!.DeepClone()))["result"]!.GetValue<string>();

        var stdout = new StringWriter();
        var code = await CommandLine.RunAsync(["explain", "P1", path, "--rules", TestPaths.Rules], stdout, new StringWriter());
        code.Should().Be(0);
        explained.Should().Be(stdout.ToString());
    }

    [Fact]
    public async Task The_nearest_wgec_yaml_applies_and_is_read_again_when_it_changes()
    {
        var config = Write("wgec.yaml", "severity:\n  WGEC1802: error\n");
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        Only(await client.Published(uri, 1), "WGEC1802")["severity"]!.GetValue<int>().Should().Be(LspDiagnostics.Error);

        File.WriteAllText(config, "severity:\n  WGEC1802: none\n# changed\n");
        await client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(config).AbsoluteUri, ["type"] = 2 }) });
        var after = await client.WaitFor(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && !m["params"]!["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "WGEC1802"));
        after["params"]!["version"]!.GetValue<int>().Should().Be(1);

        File.WriteAllText(config, "severity: [unclosed\n");
        await client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray() });
        var broken = await client.WaitFor(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && m["params"]!["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "input"));
        broken["params"]!["diagnostics"]![0]!["message"]!.GetValue<string>().Should().Contain("wgec.yaml").And.Contain("not checked");
    }

    [Fact]
    public async Task A_proposal_below_min_score_gets_the_gates_error_on_its_heading()
    {
        Write("wgec.yaml", "min-score: 99\n");
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var gates = (await client.Published(uri, 1)).OfType<JsonObject>().Where(d => d["code"]!.GetValue<string>() == "WGEC0005").ToList();
        gates.Should().HaveCount(2);
        gates[0]["severity"]!.GetValue<int>().Should().Be(LspDiagnostics.Error);
        At(Draft, gates[0]["range"]!).Should().Be("## P1 National strategies");
        gates[0]["message"]!.GetValue<string>().Should().Contain("below the minimum of 99.0");
    }

    [Fact]
    public async Task Settings_choose_the_profile_and_severities_and_can_change()
    {
        await using var client = new LspTestClient();
        await client.Initialize(new JsonObject { ["wgec"] = new JsonObject { ["profile"] = "core", ["showEvidence"] = false } });
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var core = await client.Published(uri, 1);
        core.OfType<JsonObject>().Should().NotContain(d => d["code"]!.GetValue<string>() == "WGEC1802", "VOL is not in the core profile");
        core.OfType<JsonObject>().Should().NotContain(d => d["severity"]!.GetValue<int>() == LspDiagnostics.Hint);

        await client.Notify("workspace/didChangeConfiguration", new JsonObject
        {
            ["settings"] = new JsonObject { ["wgec"] = new JsonObject { ["profile"] = "full", ["severity"] = new JsonObject { ["WGEC1802"] = "error", ["WGEC0101"] = "loud" } } },
        });
        var full = await client.WaitFor(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && m["params"]!["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "WGEC1802"));
        full["params"]!["diagnostics"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "WGEC1802")!["severity"]!.GetValue<int>().Should().Be(LspDiagnostics.Error);
        var warning = await client.WaitFor(m => m["method"]?.GetValue<string>() == "window/showMessage");
        warning["params"]!["message"]!.GetValue<string>().Should().Contain("severity.WGEC0101").And.Contain("loud");
    }

    [Fact]
    public async Task A_draft_the_reader_refuses_gets_one_located_error()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, "## A one\n\nText.\n\n## A again\n\nMore text.\n");
        var problem = (await client.Published(uri, 1)).Single()!;
        problem["code"]!.GetValue<string>().Should().Be("input");
        problem["range"]!["start"]!["line"]!.GetValue<int>().Should().Be(4);
        problem["message"]!.GetValue<string>().Should().Contain("used twice");
    }

    [Fact]
    public async Task Bad_messages_get_errors_and_the_server_reads_on()
    {
        await using var client = new LspTestClient();
        (await client.Request("textDocument/hover", new JsonObject()))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.ServerNotInitialized);
        await client.Initialize();

        await client.SendBytes(Encoding.UTF8.GetBytes("{not json"));
        (await client.WaitFor(m => m["error"]?["code"]?.GetValue<int>() == ErrorCodes.ParseError))["id"].Should().BeNull();
        await client.SendBytes(Encoding.UTF8.GetBytes("[1,2]"));
        await client.WaitFor(m => m["error"]?["code"]?.GetValue<int>() == ErrorCodes.InvalidRequest);
        await client.SendBytes(Encoding.UTF8.GetBytes("{}"), header: "Content-Type: application/json\r\n\r\n");
        await client.WaitFor(m => m["error"]?["message"]?.GetValue<string>().Contains("Content-Length") == true);

        (await client.Request("no/such/method", null))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.MethodNotFound);
        (await client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(Uri("d.md")) }))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.InvalidParams);
        (await client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(Uri("nope.md")), ["position"] = Position(0, 0) }))["error"]!["message"]!.GetValue<string>().Should().Contain("not open");
        await client.Notify("textDocument/didChange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = 5 } });
        await client.WaitFor(m => m["method"]?.GetValue<string>() == "window/showMessage");

        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        Only(await client.Published(uri, 1), "WGEC1802");
        (await client.Request("shutdown", null))["result"].Should().BeNull();
        (await client.Request("textDocument/hover", new JsonObject()))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.InvalidRequest);
        await client.Notify("exit", null);
        (await client.Server.WaitAsync(LspTestClient.Patience)).Should().Be(0);
    }

    [Fact]
    public async Task A_draft_of_20000_proposals_blocks_no_other_draft_and_closing_it_ends_what_waits_for_it()
    {
        var big = new StringBuilder();
        for (var i = 0; i < 20_000; i++) big.Append($"## B{i}\n\nMember States should share their experience of open data portals, item {i}, with regional bodies.\n\n");
        await using var client = new LspTestClient();
        await client.Initialize();
        var bigUri = Uri("big.md");
        await client.Open(bigUri, big.ToString());
        var waiting = client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(bigUri), ["position"] = Position(2, 0) });

        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        Only(await client.Published(uri, 1), "WGEC1802"); // checked while the big draft is

        await client.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = Doc(bigUri) });
        var reply = await waiting;
        if (reply["error"] is { } error) error["code"]!.GetValue<int>().Should().Be(ErrorCodes.ContentModified);
        else reply["result"].Should().NotBeNull("a finished check answers");
        (await client.WaitFor(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && m["params"]!["uri"]!.GetValue<string>() == bigUri
            && m["params"]!["diagnostics"]!.AsArray().Count == 0)).Should().NotBeNull("closing clears the draft's diagnostics");
        await client.Request("shutdown", null);
        await client.Notify("exit", null);
        (await client.Server.WaitAsync(LspTestClient.Patience)).Should().Be(0);
    }

    [Fact]
    public async Task Wrongly_shaped_messages_never_end_the_server()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        var notifications = new (string Method, JsonNode? Params)[]
        {
            ("textDocument/didOpen", new JsonArray()),
            ("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = 5, ["version"] = 1, ["text"] = 7 } }),
            ("textDocument/didOpen", JsonValue.Create(true)),
            ("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["rules"] = new JsonArray("", 3) } }),
            ("$/cancelRequest", new JsonObject { ["id"] = 999 }),
        };
        foreach (var (method, parameters) in notifications) await client.Notify(method, parameters);
        await client.Open(uri, Draft);
        Only(await client.Published(uri, 1), "WGEC1802");
        foreach (var change in new JsonNode[]
        {
            new JsonObject { ["text"] = 5 },
            JsonValue.Create("not an object"),
            new JsonObject { ["range"] = new JsonObject { ["start"] = "x", ["end"] = Position(0, 0) }, ["text"] = "a" },
            new JsonObject { ["range"] = new JsonObject { ["start"] = Position(6, int.MaxValue), ["end"] = Position(6, int.MaxValue) }, ["text"] = "" },
        })
            await client.Notify("textDocument/didChange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 }, ["contentChanges"] = new JsonArray(change) });
        (await client.Request("textDocument/hover", new JsonArray()))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.InvalidParams);
        (await client.Request("textDocument/codeAction", new JsonObject { ["textDocument"] = Doc(uri), ["range"] = 3 }))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.InvalidParams);
        (await client.Request("initialize", new JsonObject { ["capabilities"] = true }))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.InvalidRequest);
        await client.SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 77, ["method"] = 5 });
        (await client.WaitFor(m => m["id"]?.ToJsonString() == "77"))["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.InvalidRequest);

        // Still serving, on the text as it was: none of the bad changes was applied.
        var hover = await client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(uri), ["position"] = Position(7, 14) });
        hover["result"]!["contents"]!["value"]!.GetValue<string>().Should().Contain("WGEC1802");
        client.Log.ToString().Should().NotContain("internal error");
    }

    [Fact]
    public async Task Positions_count_utf16_units_and_edits_past_a_crlf_line_end_stay_on_that_line()
    {
        const string text = "## P1 Title\r\n\r\nMember 😀 States shall act.\r\n\r\n## P2 Other\r\n\r\nAll stakeholders should cooperate.\r\n";
        await using var client = new LspTestClient();
        await client.Initialize(new JsonObject { ["profile"] = "full" });
        var uri = Uri("crlf.md");
        await client.Open(uri, text);
        var duty = Only(await client.Published(uri, 1), "WGEC1802");
        duty["range"]!["start"]!["line"]!.GetValue<int>().Should().Be(2);
        duty["range"]!["start"]!["character"]!.GetValue<int>().Should().Be("Member 😀 States ".Length, "the emoji is two UTF-16 units");

        // Two changes in one message, both past the end of CRLF lines: each lands before that line's "\r\n".
        await client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(
                new JsonObject { ["range"] = new JsonObject { ["start"] = Position(6, 500), ["end"] = Position(6, 500) }, ["text"] = " They must report." },
                new JsonObject { ["range"] = new JsonObject { ["start"] = Position(2, 0), ["end"] = Position(2, "Member 😀 ".Length) }, ["text"] = "" }),
        });
        var after = await client.Published(uri, 2);
        var duties = after.OfType<JsonObject>().Where(d => d["code"]!.GetValue<string>() == "WGEC1802").ToList();
        duties.Select(d => (d["range"]!["start"]!["line"]!.GetValue<int>(), d["range"]!["start"]!["character"]!.GetValue<int>()))
            .Should().BeEquivalentTo(new[] { (2, "States ".Length), (6, "All stakeholders should cooperate. They ".Length) });
    }

    [Fact]
    public async Task A_client_that_pulls_gets_no_pushed_diagnostics_and_is_asked_to_pull_again_after_a_recheck()
    {
        await using var client = new LspTestClient();
        await client.Request("initialize", new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject() },
                ["workspace"] = new JsonObject { ["diagnostics"] = new JsonObject { ["refreshSupport"] = true } },
            },
        });
        await client.Notify("initialized", new JsonObject());
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var pulled = (await client.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = Doc(uri) }))["result"]!;
        Only(pulled["items"]!.AsArray(), "WGEC1802");
        await client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["severity"] = new JsonObject { ["WGEC1802"] = "none" } } });
        await client.WaitFor(m => m["method"]?.GetValue<string>() == "workspace/diagnostic/refresh");
        var again = (await client.Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = Doc(uri), ["previousResultId"] = pulled["resultId"]!.DeepClone() }))["result"]!;
        again["kind"]!.GetValue<string>().Should().Be("full");
        again["items"]!.AsArray().Should().NotContain(d => d!["code"]!.GetValue<string>() == "WGEC1802");
        client.Received.Should().NotContain(m => m["method"] != null && m["method"]!.GetValue<string>() == "textDocument/publishDiagnostics");
    }

    [Fact]
    public async Task A_request_about_text_that_has_since_changed_is_answered_content_modified()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        var hover = client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(uri), ["position"] = Position(7, 14) });
        await client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 }, ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = Draft.Replace("# Draft\n", "# Draft\n\nAn introduction.\n", StringComparison.Ordinal) }),
        });
        (await hover)["error"]!["code"]!.GetValue<int>().Should().Be(ErrorCodes.ContentModified, "its position points at other words now");
        (await client.Request("textDocument/hover", new JsonObject { ["textDocument"] = Doc(uri), ["position"] = Position(9, 14) }))["result"]!["contents"]!["value"]!
            .GetValue<string>().Should().Contain("WGEC1802");
    }

    [Fact]
    public async Task Random_messages_never_end_the_server()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        var uri = Uri("d.md");
        await client.Open(uri, Draft);
        string[] methods = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/hover", "textDocument/codeAction",
            "textDocument/codeLens", "textDocument/diagnostic", "workspace/executeCommand", "workspace/didChangeConfiguration", "$/cancelRequest", "wgec/lastCheck"];
        JsonNode?[] values = [null, 0, -1, int.MaxValue, "", "x", uri, true, new JsonArray(), new JsonObject(), Position(7, 14), Position(-1, 3),
            new JsonObject { ["uri"] = uri }, new JsonObject { ["start"] = Position(0, 0), ["end"] = Position(99, 99) }];
        string[] keys = ["textDocument", "position", "range", "contentChanges", "text", "uri", "version", "languageId", "command", "arguments", "settings", "id", "context"];
        var random = new Random(2017);
        JsonNode? Value(int depth) => depth > 2 || random.Next(3) > 0
            ? values[random.Next(values.Length)]?.DeepClone()
            : random.Next(2) == 0
                ? new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => Value(depth + 1)).ToArray())
                : Object(depth + 1);
        JsonObject Object(int depth)
        {
            var o = new JsonObject();
            foreach (var k in keys.OrderBy(_ => random.Next()).Take(random.Next(4))) o[k] = Value(depth);
            return o;
        }
        for (var i = 0; i < 400; i++)
        {
            var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = methods[random.Next(methods.Length)], ["params"] = random.Next(5) == 0 ? Value(0) : Object(0) };
            if (random.Next(2) == 0) message["id"] = 10_000 + i;
            await client.SendRaw(message);
        }
        await client.Open(Uri("e.md"), Draft);
        Only(await client.Published(Uri("e.md"), 1), "WGEC1802");
        client.Log.ToString().Should().NotContain("internal error");
    }

    [Fact]
    public async Task A_client_that_vanishes_ends_the_server_with_code_1()
    {
        await using var client = new LspTestClient();
        await client.Initialize();
        await client.Open(Uri("d.md"), Draft);
        client.CloseInput();
        (await client.Server.WaitAsync(LspTestClient.Patience)).Should().Be(1, "no shutdown came before the end");
    }

    [Fact]
    public async Task The_shipped_command_serves_on_its_standard_streams()
    {
        static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";
        var input = Frame("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""")
                    + Frame("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}""")
                    + Frame("""{"jsonrpc":"2.0","method":"exit"}""");
        var (code, stdout, _) = TestProcess.Wgec(Dir, ["lsp"], input);
        code.Should().Be(0);
        stdout.Should().StartWith("Content-Length: ").And.Contain("\"serverInfo\"").And.Contain("\"id\":2,\"result\":null");
    }
}
