namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>What a key of a runtime block takes, which decides how it is checked and stored.</summary>
public enum AdapterValueKind
{
    /// <summary>A file or folder, resolved against the folder of campaignc.yaml and stored as a full path.</summary>
    Path,

    /// <summary>Any single text, such as a host name or a connection string.</summary>
    Text,

    /// <summary>A TCP port, 1-65535.</summary>
    Port,

    /// <summary>An email address or sender such as <c>"Shop &lt;news@shop.example&gt;"</c>.</summary>
    Address,

    /// <summary>An absolute http or https URL.</summary>
    Url,

    /// <summary>A whole number from 1 up, such as a rate, a number of attempts or seconds.</summary>
    Count,

    /// <summary>One of the key's <see cref="AdapterKey.Choices"/>.</summary>
    Choice,

    /// <summary>The name of an environment variable that holds a secret; the secret itself never appears in the file.</summary>
    EnvironmentVariable,

    /// <summary>A block kept as written, as dotted keys and texts, for the adapter to interpret (a CSV column mapping).</summary>
    RawBlock,
}
