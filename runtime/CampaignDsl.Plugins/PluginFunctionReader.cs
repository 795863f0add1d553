using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Runtime.Plugins;

namespace CampaignDsl.Plugins;

/// <summary>
/// Finds the <c>[CampaignFunction]</c> methods of a compiled script by reflection, without running the script:
/// their signatures for the compiler's type checks and a caller that converts plan values to the method's parameter
/// types. Number is <see cref="decimal"/>, <see cref="int"/>, <see cref="long"/> or <see cref="double"/>; text is
/// <see cref="string"/>; yes/no is <see cref="bool"/>; date is <see cref="DateOnly"/> or <see cref="DateTimeOffset"/>.
/// </summary>
internal static partial class PluginFunctionReader
{
    public sealed record FunctionProblem(string Method, string Function, string Problem);

    public sealed record Found(string Script, FunctionSignature Signature, PluginFunction Function);

    public sealed record Result(ImmutableArray<Found> Functions, ImmutableArray<FunctionProblem> Problems);

    public static Result Read(Assembly assembly, string script)
    {
        var functions = ImmutableArray.CreateBuilder<Found>();
        var problems = ImmutableArray.CreateBuilder<FunctionProblem>();
        const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var methods = assembly.GetTypes().SelectMany(t => t.GetMethods(Everything))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<CampaignFunctionAttribute>()))
            .Where(m => m.Attribute is not null)
            .OrderBy(m => m.Attribute!.Name, StringComparer.Ordinal);
        foreach (var (method, attribute) in methods)
        {
            var name = attribute!.Name;
            if (ProblemOf(method, name) is { } problem)
            {
                problems.Add(new FunctionProblem(method.Name, name, problem));
                continue;
            }

            var parameters = method.GetParameters().Select(p => new Parameter(p.Name ?? "value", ParameterKind.Value, TypeOf(p.ParameterType))).ToImmutableArray();
            var signature = new FunctionSignature(name, parameters, TypeOf(method.ReturnType)!, false, $"Added by the plugin script {Path.GetFileName(script)}.");
            functions.Add(new Found(script, signature, new PluginFunction(name, arguments => Call(method, arguments))));
        }

        return new Result(functions.ToImmutable(), problems.ToImmutable());
    }

    private static string? ProblemOf(MethodInfo method, string name)
    {
        if (!FunctionName().IsMatch(name))
        {
            return "needs a lower_snake_case name such as `loyalty_tier`";
        }

        if (BuiltInFunctions.Find(name) is not null)
        {
            return "has the name of a built-in function; choose another";
        }

        if (!method.IsStatic)
        {
            return $"is not static; write `static` before its return type ({method.Name})";
        }

        if (TypeOf(method.ReturnType) is null)
        {
            return $"returns {method.ReturnType.Name}; a function returns string, decimal, int, long, double, bool, DateOnly or DateTimeOffset";
        }

        return method.GetParameters().FirstOrDefault(p => TypeOf(p.ParameterType) is null) is { } parameter
            ? $"takes `{parameter.Name}` of type {parameter.ParameterType.Name}; parameters are string, decimal, int, long, double, bool, DateOnly or DateTimeOffset"
            : null;
    }

    private static DataType? TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => DataType.Text,
        var t when t == typeof(decimal) || t == typeof(int) || t == typeof(long) || t == typeof(double) => DataType.Number,
        var t when t == typeof(bool) => DataType.Bool,
        var t when t == typeof(DateOnly) || t == typeof(DateTimeOffset) => DataType.Date,
        _ => null,
    };

    /// <summary>Calls the method; an argument that is unknown (null) where the parameter cannot be null makes the result unknown, as in SQL.</summary>
    private static object? Call(MethodInfo method, object?[] arguments)
    {
        var parameters = method.GetParameters();
        var converted = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var value = i < arguments.Length ? Convert(arguments[i], parameters[i].ParameterType) : null;
            if (value is null && parameters[i].ParameterType.IsValueType && Nullable.GetUnderlyingType(parameters[i].ParameterType) is null)
            {
                return null;
            }

            converted[i] = value;
        }

        try
        {
            return FromResult(method.Invoke(null, converted));
        }
        catch (TargetInvocationException e) when (e.InnerException is PluginLimitExceededException limit)
        {
            // The budget stopped it: PluginLimits names the script and function.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(limit);
            throw;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new PluginException($"plugin function `{method.GetCustomAttribute<CampaignFunctionAttribute>()!.Name}` failed: {inner.Message}", inner);
        }
    }

    private static object? Convert(object? value, Type parameterType)
    {
        var type = Nullable.GetUnderlyingType(parameterType) ?? parameterType;
        return value switch
        {
            null => null,
            _ when type.IsInstanceOfType(value) => value,
            string text when type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(double) =>
                decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? Convert(parsed, type) : null,
            decimal number when type == typeof(int) => decimal.ToInt32(decimal.Truncate(number)),
            decimal number when type == typeof(long) => decimal.ToInt64(decimal.Truncate(number)),
            decimal number when type == typeof(double) => (double)number,
            DateTimeOffset instant when type == typeof(DateOnly) => DateOnly.FromDateTime(instant.UtcDateTime),
            DateOnly date when type == typeof(DateTimeOffset) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            string text when type == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            _ when type == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static object? FromResult(object? result) => result switch
    {
        int i => (decimal)i,
        long l => (decimal)l,
        double d => (decimal)d,
        _ => result,
    };

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex FunctionName();
}
