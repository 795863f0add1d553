namespace CampaignDsl.Compiler.Templates;

/// <summary>Template paths as the compiler prints them: joined and tidied lexically, with <c>/</c>, relative paths kept relative.</summary>
public static class TemplatePaths
{
    /// <summary>The folder of a campaign file, as written: <c>examples/reengagement</c> for <c>examples/reengagement/we_miss_you.campaign</c>.</summary>
    public static string FolderOf(string path)
    {
        path = path.Replace('\\', '/');
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : path[..slash];
    }

    /// <summary><paramref name="relative"/> read from <paramref name="folder"/>; an absolute <paramref name="relative"/> stands alone.</summary>
    public static string Combine(string folder, string relative)
    {
        relative = relative.Replace('\\', '/');
        if (Path.IsPathRooted(relative) || folder.Length == 0)
        {
            return Normalize(relative);
        }

        return Normalize(folder.Replace('\\', '/').TrimEnd('/') + "/" + relative);
    }

    /// <summary>Removes <c>.</c> segments and folds <c>x/..</c>; a leading <c>..</c> of a relative path stays.</summary>
    public static string Normalize(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined;
    }
}
