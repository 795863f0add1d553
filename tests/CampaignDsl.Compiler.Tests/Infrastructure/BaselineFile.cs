namespace CampaignDsl.Compiler.Tests.Infrastructure;

/// <summary>
/// Compares an output with its committed expected file. With <c>UPDATE_BASELINES=1</c> a mismatch
/// rewrites the expected file; otherwise the output is written beside it as the actual file and
/// the test fails with a line diff.
/// </summary>
internal static class BaselineFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1";

    /// <summary>
    /// Like <see cref="AssertMatches"/>, byte for byte: for expected files whose line breaks and byte-order mark are
    /// part of what is tested (formatted sources). The diff shows a carriage return as <c>\r</c>.
    /// </summary>
    public static void AssertMatchesExactly(string expectedPath, string actualPath, byte[] actual)
    {
        var expected = File.Exists(expectedPath) ? File.ReadAllBytes(expectedPath) : null;
        if (expected is not null && expected.AsSpan().SequenceEqual(actual))
        {
            File.Delete(actualPath);
            return;
        }

        if (Updating)
        {
            File.WriteAllBytes(expectedPath, actual);
            File.Delete(actualPath);
            return;
        }

        File.WriteAllBytes(actualPath, actual);
        static string Shown(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes).Replace("\r", "\\r", StringComparison.Ordinal);
        var problem = expected is null ? $"{expectedPath} does not exist" : $"{expectedPath} does not match the output";
        Assert.Fail($"""
            {problem}.
            Actual output: {actualPath}
            If the change is intended, run with UPDATE_BASELINES=1 to rewrite the expected file.
            {LineDiff.Format(Shown(expected ?? []), Shown(actual))}
            """);
    }

    public static void AssertMatches(string expectedPath, string actualPath, string actual)
    {
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        if (Updating)
        {
            File.WriteAllText(expectedPath, actual);
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual);
        var problem = expected is null ? $"{expectedPath} does not exist" : $"{expectedPath} does not match the output";
        Assert.Fail($"""
            {problem}.
            Actual output: {actualPath}
            If the change is intended, run with UPDATE_BASELINES=1 to rewrite the expected file.
            {LineDiff.Format(expected ?? "", actual)}
            """);
    }
}
