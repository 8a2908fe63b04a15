using FluentAssertions;
using Microsoft.Playwright;
using Wgec.Engine;
using Wgec.Readers;
using Wgec.Reporting;

namespace Wgec.Tests;

/// <summary>
/// The HTML report in a real browser: Debian's Chromium (installed by .ci/run) driven by Playwright through its
/// executable path — browser downloads do not work here, and the page must work offline from disk.
/// </summary>
public class BrowserTests : TempDirectoryTest
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_filters_sorts_and_explains_in_headless_chromium()
    {
        File.Exists(Chromium).Should().BeTrue("the browser test needs Debian's chromium (.ci/run installs it: apt-get install chromium)");
        var result = new Checker(TestPaths.RuleSet).Check([DocumentReader.Read(TestPaths.Compilation)], "full");
        var page = Path.Combine(Dir, "report.html");
        await File.WriteAllTextAsync(page, HtmlReporter.Render(result));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var requests = new List<string>();
        context.Request += (_, r) => { if (!r.Url.StartsWith("file:", StringComparison.Ordinal)) requests.Add(r.Url); };
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        var rows = tab.Locator("#matrix-table tbody tr");
        (await rows.CountAsync()).Should().Be(144);
        (await tab.Locator("#shown").TextContentAsync()).Should().Be("144 of 144 proposals shown");

        await tab.SelectOptionAsync("#f-section", "VII");
        var expected = result.Documents[0].Proposals.Count(p => p.Proposal.Section == "VII");
        (await tab.Locator("#matrix-table tbody tr:not([hidden])").CountAsync()).Should().Be(expected);
        (await tab.Locator("#shown").TextContentAsync()).Should().Be($"{expected} of 144 proposals shown");

        await tab.SelectOptionAsync("#f-section", "");
        await tab.SelectOptionAsync("#f-code", "GEN");
        await tab.SelectOptionAsync("#f-verdict", "v");
        var violatingGen = result.Documents[0].Proposals.Count(p => p.VerdictOf("GEN") == Verdict.Violates);
        (await tab.Locator("#matrix-table tbody tr:not([hidden])").CountAsync()).Should().Be(violatingGen);

        // Any characteristic: the rows with at least one violation (the report's own attributes never count).
        await tab.SelectOptionAsync("#f-code", "");
        var violatingAny = result.Documents[0].Proposals.Count(p => p.Verdicts.Any(v => v.Verdict == Verdict.Violates));
        (await tab.Locator("#matrix-table tbody tr:not([hidden])").CountAsync()).Should().Be(violatingAny);
        await tab.SelectOptionAsync("#f-verdict", "n");
        var unaddressedAny = result.Documents[0].Proposals.Count(p => p.Verdicts.Any(v => v.Verdict == Verdict.NotAddressed));
        (await tab.Locator("#matrix-table tbody tr:not([hidden])").CountAsync()).Should().Be(unaddressedAny);
        await tab.SelectOptionAsync("#f-verdict", "");

        await tab.ClickAsync("#sort-score");
        (await tab.Locator("#sort-state").TextContentAsync()).Should().Be("score ascending");
        var firstScore = await tab.Locator("#matrix-table tbody tr").First.GetAttributeAsync("data-score");
        double.Parse(firstScore!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(result.Documents[0].Proposals.Min(p => p.Score));

        var mark = tab.Locator("#p-fixtures-wgec-compilation-2017-txt-R2 mark").First;
        if (await mark.CountAsync() == 0) mark = tab.Locator("mark").First;
        await mark.FocusAsync();
        await tab.Keyboard.PressAsync("Enter");
        (await tab.Locator("#detail").TextContentAsync()).Should().MatchRegex("WGEC\\d{4} \\[[A-Z]+ (meets|violates)\\]");

        var artefacts = Path.Combine(TestPaths.Root, "TestResults");
        Directory.CreateDirectory(artefacts);
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artefacts, "report-screenshot.png") });
        File.Exists(Path.Combine(artefacts, "report-screenshot.png")).Should().BeTrue();
        requests.Should().BeEmpty("the report makes no network requests");
    }
}
