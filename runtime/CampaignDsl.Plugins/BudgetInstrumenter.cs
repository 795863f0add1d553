using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CampaignDsl.Plugins;

/// <summary>
/// Rewrites a plugin script so that it cannot run without passing <see cref="PluginBudget.Check"/>: at the entry of every
/// method, constructor, operator, accessor, local function, anonymous method and lambda (so every recursion), at the top
/// of every loop body and before every <c>goto</c> (so every loop). Expression bodies become blocks; whether one returns
/// a value is read from the semantic model of the script as written, which compiled without errors. The result is only
/// emitted: diagnostics are always reported against the script as written.
/// </summary>
internal sealed class BudgetInstrumenter(SemanticModel model) : CSharpSyntaxRewriter
{
    /// <summary>Part of the plugin cache's hash: a change to what is inserted compiles every cached script again.</summary>
    public const int Version = 1;

    private static readonly StatementSyntax CheckStatement =
        SyntaxFactory.ParseStatement("global::CampaignDsl.Plugins.PluginBudget.Check();");

    /// <summary>The text of <paramref name="tree"/> with the checks inserted (its lines keep their numbers).</summary>
    public static string Instrument(SyntaxTree tree, SemanticModel model) => new BudgetInstrumenter(model).Visit(tree.GetRoot()).ToFullString();

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        Member(node, (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!, (m, body) => m.WithBody(body).WithExpressionBody(null).WithSemicolonToken(default));

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        Member(node, (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!, (m, body) => m.WithBody(body).WithExpressionBody(null).WithSemicolonToken(default));

    public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) =>
        Member(node, (DestructorDeclarationSyntax)base.VisitDestructorDeclaration(node)!, (m, body) => m.WithBody(body).WithExpressionBody(null).WithSemicolonToken(default));

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        Member(node, (OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!, (m, body) => m.WithBody(body).WithExpressionBody(null).WithSemicolonToken(default));

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        Member(node, (ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, (m, body) => m.WithBody(body).WithExpressionBody(null).WithSemicolonToken(default));

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
        Member(node, (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!, (m, body) => m.WithBody(body).WithExpressionBody(null).WithSemicolonToken(default));

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
        Member(node, (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!, (m, body) => m.WithBody(body).WithExpressionBody(null).WithSemicolonToken(default));

    // `int P => expr;` and `int this[int i] => expr;` are getters without the word.
    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Lambda(node, (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Lambda(node, (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.Block is { } block ? visited.WithBlock(Checked(block)) : visited;
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Checked(visited.Statement));
    }

    // A loop made of labels needs a goto each time round.
    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        return Checked(visited);
    }

    private TMember Member<TMember>(SyntaxNode original, TMember visited, Func<TMember, BlockSyntax, TMember> withBody)
        where TMember : SyntaxNode
    {
        var (body, arrow, semicolon) = visited switch
        {
            BaseMethodDeclarationSyntax m => (m.Body, m.ExpressionBody, m.SemicolonToken),
            AccessorDeclarationSyntax a => (a.Body, a.ExpressionBody, a.SemicolonToken),
            LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody, f.SemicolonToken),
            _ => (null, null, default),
        };
        if (body is not null)
        {
            return withBody(visited, Checked(body));
        }

        // No body at all: abstract, extern, partial without implementation; nothing runs here.
        if (arrow is null || model.GetDeclaredSymbol(original) is not IMethodSymbol method)
        {
            return visited;
        }

        return withBody(visited, Block(arrow.Expression, ReturnsNothing(method), semicolon));
    }

    private LambdaExpressionSyntax Lambda(AnonymousFunctionExpressionSyntax original, LambdaExpressionSyntax visited)
    {
        if (visited.Block is { } block)
        {
            return visited.WithBlock(Checked(block));
        }

        // An expression tree is data, not code: it runs only when compiled, and takes no statement body.
        if (visited.ExpressionBody is not { } expression || model.GetSymbolInfo(original).Symbol is not IMethodSymbol method
            || IsExpressionTree(model.GetTypeInfo(original).ConvertedType))
        {
            return visited;
        }

        return visited.WithExpressionBody(null).WithBlock(Block(expression, ReturnsNothing(method), default));
    }

    private static bool IsExpressionTree(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Expression", ContainingNamespace: { Name: "Expressions", ContainingNamespace.Name: "Linq" } };

    // Void, or async with a Task that carries no value: the expression is a statement, not a return value.
    private static bool ReturnsNothing(IMethodSymbol method) =>
        method.ReturnsVoid || (method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false });

    private static AccessorListSyntax Getter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon) =>
        SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
            SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithBody(Block(arrow.Expression, false, default))))
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(semicolon.TrailingTrivia));

    private static BlockSyntax Block(ExpressionSyntax expression, bool returnsNothing, SyntaxToken semicolon)
    {
        var spaced = expression.WithLeadingTrivia(SyntaxFactory.Space);
        StatementSyntax statement = expression switch
        {
            ThrowExpressionSyntax thrown => SyntaxFactory.ThrowStatement(thrown.Expression.WithLeadingTrivia(SyntaxFactory.Space)),
            _ when returnsNothing => SyntaxFactory.ExpressionStatement(expression),
            _ => SyntaxFactory.ReturnStatement(spaced),
        };
        return SyntaxFactory.Block(CheckStatement, statement)
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(semicolon.TrailingTrivia));
    }

    private static BlockSyntax Checked(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, CheckStatement));

    private static BlockSyntax Checked(StatementSyntax statement) =>
        statement is BlockSyntax block ? Checked(block) : SyntaxFactory.Block(CheckStatement, statement);
}
