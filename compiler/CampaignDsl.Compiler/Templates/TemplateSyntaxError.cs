using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>A mistake in a template's Handlebars syntax, at a span of the template's text.</summary>
public sealed record TemplateSyntaxError(TextSpan Span, string Message);
