using System.Collections;
using System.Reflection;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Formatting;

/// <summary>
/// Compares two ASTs as the language sees them: node by node and value by value, ignoring where in the text each
/// node stands (its span). Two sources that differ only in layout and comments have equivalent ASTs.
/// </summary>
public static class SyntaxEquivalence
{
    public static bool AreEquivalent(object? left, object? right) => FindDifference(left, right) is null;

    /// <summary>The first difference, as a path into the tree (<c>Items[0].Stages...</c>), or null when there is none.</summary>
    public static string? FindDifference(object? left, object? right) => Compare(left, right, "root");

    private static string? Compare(object? left, object? right, string path)
    {
        if (left is null || right is null)
        {
            return left is null && right is null ? null : $"{path}: {left ?? "nothing"} / {right ?? "nothing"}";
        }

        var type = left.GetType();
        if (type != right.GetType())
        {
            return $"{path}: {type.Name} / {right.GetType().Name}";
        }

        if (left is TextSpan)
        {
            return null;
        }

        if (left is string || type.IsPrimitive || type.IsEnum || left is decimal or DateOnly or TimeOnly or TimeSpan)
        {
            return left.Equals(right) ? null : $"{path}: {left} / {right}";
        }

        if (left is IEnumerable leftItems && right is IEnumerable rightItems)
        {
            var a = leftItems.Cast<object?>().ToList();
            var b = rightItems.Cast<object?>().ToList();
            if (a.Count != b.Count)
            {
                return $"{path}: {a.Count} items / {b.Count} items";
            }

            return Enumerable.Range(0, a.Count).Select(i => Compare(a[i], b[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        // A record node: compare what its constructor takes, which is what it is made of.
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length);
        if (constructor is null)
        {
            return left.Equals(right) ? null : $"{path}: {left} / {right}";
        }

        foreach (var parameter in constructor.GetParameters())
        {
            var property = type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                continue;
            }

            var difference = Compare(property.GetValue(left), property.GetValue(right), $"{path}.{property.Name}");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }
}
