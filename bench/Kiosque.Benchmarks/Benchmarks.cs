using BenchmarkDotNet.Attributes;
using Kiosque.Bench;
using Kiosque.Content;

namespace Kiosque.Benchmarks;

/// <summary>Slugs.From runs on every article, section, tag and page save, and on every tag of an API request.</summary>
[MemoryDiagnoser]
public class SlugBenchmarks
{
    [Params(
        "Énergie : les ports européens accélèrent le branchement électrique des navires à quai",
        "Œuvres d’art : l’État s’inquiète du coût des « réserves » de ses musées, selon la Cour des comptes")]
    public string Headline { get; set; } = "";

    [Benchmark]
    public string SlugFromHeadline() => Slugs.From(Headline);
}

/// <summary>HtmlSanitizing.Sanitize runs on every article body, page and bio that is saved.</summary>
[MemoryDiagnoser]
public class SanitizeBenchmarks
{
    readonly HtmlSanitizing sanitizer = new();
    string body = "";
    string hostileBody = "";

    [GlobalSetup]
    public void Setup()
    {
        body = new FrenchText(new Random(42)).BodyHtml(600);
        // The same body as pasted from elsewhere: wrappers, inline styles, an event handler and a script to drop.
        hostileBody = "<div style=\"color:red\" onclick=\"alert(1)\">" + body.Replace("<p>", "<p class=\"x\" style=\"margin:0\">", StringComparison.Ordinal)
            + "<script>alert(1)</script><iframe src=\"https://example.org/embed\"></iframe></div>";
    }

    [Benchmark(Baseline = true)]
    public string Sanitize600WordBody() => sanitizer.Sanitize(body);

    [Benchmark]
    public string Sanitize600WordPastedBody() => sanitizer.Sanitize(hostileBody);
}
