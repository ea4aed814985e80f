using System.Text.Json;
using Microsoft.Playwright;

namespace Kiosque.BrowserTests;

/// <summary>axe-core (vendored in axe/), run in a page.</summary>
public static class Axe
{
    static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    /// <summary>Runs axe-core in the page; returns the serious and critical violations, one line each, prefixed by <paramref name="name"/>.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string name)
    {
        // Evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern.
        await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json)!.Select(v => $"{name}: {v}").ToList();
    }
}
