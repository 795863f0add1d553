using CampaignDsl.Compiler.Ast;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>Where a field's value comes from: a column as it is, an expression over the row, or a constant.</summary>
internal abstract record FieldSource;

internal sealed record ColumnSource(int Column, string Header) : FieldSource;

internal sealed record ExpressionSource(Expression Expression, string Text) : FieldSource;

internal sealed record ConstantSource(DataValue Value) : FieldSource;

/// <summary>One field of a contact or event and where its value comes from.</summary>
internal sealed record FieldRule(string Target, FieldSource Source);
