using CampaignDsl.Compiler.Configuration;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>Finding campaignc.yaml: the nearest one upwards, not past the root of the git repository.</summary>
public sealed class ConfigurationDiscoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("campaignc-discovery-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public void The_nearest_file_upwards_is_found()
    {
        var outer = Write("campaignc.yaml");
        var inner = Write("project/campaignc.yaml");
        var deep = Folder("project/campaigns/winback");

        Assert.Equal(inner, ConfigurationDiscovery.Find(deep));
        Assert.Equal(outer, ConfigurationDiscovery.Find(Folder("other")));
    }

    [Fact]
    public void The_start_folder_itself_counts()
    {
        var file = Write("project/campaignc.yaml");

        Assert.Equal(file, ConfigurationDiscovery.Find(Path.Combine(_root, "project")));
    }

    [Fact]
    public void The_search_stops_after_the_folder_holding_git()
    {
        Write("campaignc.yaml");
        Folder("repo/.git");
        var campaigns = Folder("repo/campaigns");

        Assert.Null(ConfigurationDiscovery.Find(campaigns));
    }

    [Fact]
    public void The_repository_root_itself_is_searched()
    {
        var file = Write("repo/campaignc.yaml");
        Write("repo/.git", "gitdir: ../somewhere"); // a worktree's .git is a file

        Assert.Equal(file, ConfigurationDiscovery.Find(Folder("repo/campaigns")));
    }

    [Fact]
    public void A_folder_named_campaignc_yaml_is_not_a_configuration()
    {
        Folder("project/campaignc.yaml");
        Folder("project/.git");

        Assert.Null(ConfigurationDiscovery.Find(Folder("project/campaigns")));
    }

    private string Folder(string relative) => Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;

    private string Write(string relative, string text = "version: 1\n")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
