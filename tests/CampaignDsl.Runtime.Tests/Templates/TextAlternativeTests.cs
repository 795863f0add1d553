using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Tests.Templates;

/// <summary>The text part made from an email's HTML (<see cref="TextAlternative"/>): what a reader of the HTML saw, without markup.</summary>
public sealed class TextAlternativeTests
{
    [Theory]
    [InlineData("<p>Fish &amp; chips &#x27;n&#39; peas&nbsp;&euro;5</p>", "Fish & chips 'n' peas \u20ac5\n")]
    [InlineData("<p>one</p><p>two</p>", "one\n\ntwo\n")]
    [InlineData("<div>one</div><div>two</div>line<br>break", "one\ntwo\nline\nbreak\n")]
    [InlineData("<p>  lots\n   of\t\tspace  </p>", "lots of space\n")]
    [InlineData("<ol><li>first</li><li>second</li></ol><p>after</p>", "- first\n- second\n\nafter\n")]
    [InlineData("<table><tr><td>Cod</td><td>5</td></tr><tr><td>Haddock</td><td>6</td></tr></table>", "Cod 5\nHaddock 6\n")]
    [InlineData("<pre>a  b\n  c</pre>", "a  b\n  c\n")]
    [InlineData("<a href=\"https://shop.example/x\">Shop <b>now</b></a>", "Shop now (https://shop.example/x)\n")]
    [InlineData("<a href=\"https://shop.example/\">https://shop.example/</a>", "https://shop.example/\n")]
    [InlineData("<a href=\"mailto:care@shop.example\">care@shop.example</a>", "care@shop.example\n")]
    [InlineData("<a href=\"https://shop.example/\"><img src=\"logo.png\"></a>", "https://shop.example/\n")]
    [InlineData("<a href=\"https://shop.example/\"><img src=\"logo.png\" alt=\"Shop\"></a>", "Shop (https://shop.example/)\n")]
    [InlineData("<a href=\"#top\">top</a>", "top\n")]
    [InlineData("<head><title>T</title><style>p{}</style></head><script>var x = '<p>';</script><p>seen</p>", "seen\n")]
    [InlineData("<div style=\"display:none;max-height:0\">preheader <div>nested</div> still hidden</div><p>seen</p>", "seen\n")]
    [InlineData("<span hidden>no</span>yes", "yes\n")]
    [InlineData("<!-- a comment --><p>x &lt;tag&gt;</p>", "x <tag>\n")]
    [InlineData("", "")]
    public void Reads_as_a_reader_of_the_html_would(string html, string expected) =>
        Assert.Equal(expected, TextAlternative.FromHtml(html));

    [Fact]
    public void Never_leaves_markup_blank_runs_or_surrounding_space_for_generated_html()
    {
        // Generated documents of nested blocks, inline tags, entities and links: whatever their shape, the text has no
        // tag, no entity, no line with surrounding space and never more than one blank line in a row.
        var random = new Random(1310);
        string[] blocks = ["p", "div", "h2", "li", "td", "blockquote"];
        string[] inline = ["b", "i", "span", "strong"];
        string[] words = ["fish", "&amp;", "chips", "&lt;b&gt;", "O&#x27;Brien", "&nbsp;", "caf\u00e9", "  ", "\n"];
        for (var i = 0; i < 2000; i++)
        {
            var html = new System.Text.StringBuilder();
            for (var b = random.Next(1, 6); b > 0; b--)
            {
                var block = blocks[random.Next(blocks.Length)];
                var tag = inline[random.Next(inline.Length)];
                html.Append('<').Append(block).Append('>');
                for (var w = random.Next(0, 5); w > 0; w--)
                {
                    var word = words[random.Next(words.Length)];
                    html.Append(random.Next(4) switch
                    {
                        0 => $"<{tag}>{word}</{tag}> ",
                        1 => $"<a href=\"https://shop.example/{w}\">{word}</a> ",
                        2 => "<br>",
                        _ => word + " ",
                    });
                }

                html.Append("</").Append(block).Append('>');
            }

            var text = TextAlternative.FromHtml(html.ToString());
            Assert.All(new[] { "<span", "<strong", "<div", "<td", "<a ", "href", "</" }, markup => Assert.DoesNotContain(markup, text, StringComparison.Ordinal));
            Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("&#x27;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\u00a0', text);
            Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.Equal(line.Trim(), line));
            Assert.True(text.Length == 0 || (text.EndsWith('\n') && !text.EndsWith("\n\n", StringComparison.Ordinal) && !text.StartsWith('\n')), html.ToString());
        }
    }

    [Theory]
    [InlineData("templates/offer.hbs", "templates/offer.txt")]
    [InlineData("offer.sbn-html", "offer.txt")]
    [InlineData("templates/offer.txt", null)]
    public void The_text_template_of_an_html_one_is_beside_it_with_the_txt_extension(string template, string? expected) =>
        Assert.Equal(expected, TextAlternative.CompanionPath(template));
}
