using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Syntax;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Semantics.Importing;

/// <summary>
/// Which file imports which. Built once per compilation: every <c>import</c> of every file is resolved
/// relative to the importing file's folder, first among the files being compiled, then through the
/// <see cref="IImportSource"/>; a file read only because something imports it is parsed once and
/// listed in <see cref="ImportedOnly"/>. Missing files, imports that are not .campaign files, files
/// imported twice and circles are reported at the import line.
/// </summary>
public sealed class ImportGraph
{
    private readonly Dictionary<SyntaxTree, List<SyntaxTree>> _edges = new(ReferenceEqualityComparer.Instance);

    private ImportGraph()
    {
    }

    /// <summary>Files not among those compiled that some file imports, in the order they were first imported.</summary>
    public ImmutableArray<SyntaxTree> ImportedOnly { get; private set; } = [];

    /// <summary>What is wrong with the imports, located at the import lines.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; private set; } = [];

    public static ImportGraph Build(IReadOnlyList<SyntaxTree> trees, IImportSource? source)
    {
        var graph = new ImportGraph();
        var byPath = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            byPath.TryAdd(Key(tree.Source.Path), tree);
        }

        var diagnostics = new DiagnosticBag();
        var importedOnly = new List<SyntaxTree>();
        var pending = new Queue<SyntaxTree>(trees);
        var visited = new HashSet<SyntaxTree>(ReferenceEqualityComparer.Instance);
        while (pending.TryDequeue(out var tree))
        {
            if (!visited.Add(tree))
            {
                continue;
            }

            var targets = new List<SyntaxTree>();
            graph._edges[tree] = targets;
            var seen = new Dictionary<string, ImportDecl>(StringComparer.Ordinal);
            foreach (var import in tree.Root?.Imports ?? [])
            {
                var written = import.Path.Value;
                var at = new SourceLocation(tree.Source, import.Path.Span);
                if (written.Length == 0)
                {
                    continue;
                }

                if (!written.EndsWith(".campaign", StringComparison.Ordinal))
                {
                    diagnostics.Add(DiagnosticCatalog.ImportNotCampaignFile(at, written));
                    continue;
                }

                var path = TemplatePaths.Combine(TemplatePaths.FolderOf(tree.Source.Path), written);
                if (seen.TryGetValue(Key(path), out var first))
                {
                    diagnostics.Add(DiagnosticCatalog.ImportGivenTwice(at, written, new SourceLocation(tree.Source, first.Span)));
                    continue;
                }

                seen.Add(Key(path), import);
                if (!byPath.TryGetValue(Key(path), out var target))
                {
                    target = Load(path, written, at, source, diagnostics);
                    if (target is null)
                    {
                        continue;
                    }

                    byPath.Add(Key(path), target);
                    importedOnly.Add(target);
                    pending.Enqueue(target);
                }

                targets.Add(target);
            }
        }

        graph.ImportedOnly = [.. importedOnly];
        graph.ReportCircles(trees.Concat(importedOnly), diagnostics);
        graph.Diagnostics = diagnostics.ToImmutable();
        return graph;
    }

    /// <summary>Every file <paramref name="tree"/> imports, directly or through others, nearest first; never itself.</summary>
    public ImmutableArray<SyntaxTree> ImportsOf(SyntaxTree tree)
    {
        var result = new List<SyntaxTree>();
        var seen = new HashSet<SyntaxTree>(ReferenceEqualityComparer.Instance) { tree };
        var queue = new Queue<SyntaxTree>([tree]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var target in _edges.GetValueOrDefault(current) ?? [])
            {
                if (seen.Add(target))
                {
                    result.Add(target);
                    queue.Enqueue(target);
                }
            }
        }

        return [.. result];
    }

    private static SyntaxTree? Load(string path, string written, SourceLocation at, IImportSource? source, DiagnosticBag diagnostics)
    {
        if (source?.Refuse(at.Source.Path, written, path) is { } refused)
        {
            diagnostics.Add(DiagnosticCatalog.PathOutsideProject(at, "import", refused));
            return null;
        }

        switch (source?.Read(path) ?? new ImportLookup.Missing(path, []))
        {
            case ImportLookup.Found found:
                return SyntaxTree.Load(found.Path, found.Content);
            case ImportLookup.Missing missing:
                var name = written[(written.Replace('\\', '/').LastIndexOf('/') + 1)..];
                var suggestion = NameSuggester.Suggest(name, missing.Neighbours);
                diagnostics.Add(DiagnosticCatalog.ImportNotFound(at, written, missing.Path,
                    suggestion is null ? null : written[..(written.Length - name.Length)] + suggestion));
                return null;
            case ImportLookup.Failed failed:
                diagnostics.Add(DiagnosticCatalog.ImportNotReadable(at, failed.Path, failed.Reason));
                return null;
            default:
                return null;
        }
    }

    /// <summary>Each import that closes a circle is reported once, with the circle it closes.</summary>
    private void ReportCircles(IEnumerable<SyntaxTree> trees, DiagnosticBag diagnostics)
    {
        var done = new HashSet<SyntaxTree>(ReferenceEqualityComparer.Instance);
        var path = new List<SyntaxTree>();
        foreach (var tree in trees)
        {
            Visit(tree);
        }

        void Visit(SyntaxTree tree)
        {
            if (done.Contains(tree))
            {
                return;
            }

            path.Add(tree);
            var imports = (tree.Root?.Imports ?? []).ToList();
            foreach (var target in _edges.GetValueOrDefault(tree) ?? [])
            {
                var index = path.FindIndex(t => ReferenceEquals(t, target));
                if (index >= 0)
                {
                    var import = imports.First(i => Key(TemplatePaths.Combine(TemplatePaths.FolderOf(tree.Source.Path), i.Path.Value)) == Key(target.Source.Path));
                    var circle = path.Skip(index).Append(target).Select(t => t.Source.Path);
                    diagnostics.Add(DiagnosticCatalog.ImportsInCircle(new SourceLocation(tree.Source, import.Path.Span), circle));
                }
                else
                {
                    Visit(target);
                }
            }

            path.RemoveAt(path.Count - 1);
            done.Add(tree);
        }
    }

    private static string Key(string path) => TemplatePaths.Normalize(path.Replace('\\', '/'));
}
