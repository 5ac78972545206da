using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;

namespace AntiPatterns.DynamoDB;

/// <summary>
/// A settings document mirrored level by level from a deeply nested JSON configuration: Settings holds Level1, which
/// holds Level2, ... down to Level33.
/// </summary>
[DynamoDBTable("Settings")]
public class Settings
{
    [DynamoDBHashKey, StringLength(36)]
    public string Id { get; set; } = "";

    // SLS3008: 33 levels of maps under one attribute; DynamoDB rejects items nested deeper than 32 levels.
    // Flatten the structure, or store the deep part as a JSON string.
    public SettingsLevel1? Tree { get; set; }
}

public class SettingsLevel1 { public SettingsLevel2? Next { get; set; } }
public class SettingsLevel2 { public SettingsLevel3? Next { get; set; } }
public class SettingsLevel3 { public SettingsLevel4? Next { get; set; } }
public class SettingsLevel4 { public SettingsLevel5? Next { get; set; } }
public class SettingsLevel5 { public SettingsLevel6? Next { get; set; } }
public class SettingsLevel6 { public SettingsLevel7? Next { get; set; } }
public class SettingsLevel7 { public SettingsLevel8? Next { get; set; } }
public class SettingsLevel8 { public SettingsLevel9? Next { get; set; } }
public class SettingsLevel9 { public SettingsLevel10? Next { get; set; } }
public class SettingsLevel10 { public SettingsLevel11? Next { get; set; } }
public class SettingsLevel11 { public SettingsLevel12? Next { get; set; } }
public class SettingsLevel12 { public SettingsLevel13? Next { get; set; } }
public class SettingsLevel13 { public SettingsLevel14? Next { get; set; } }
public class SettingsLevel14 { public SettingsLevel15? Next { get; set; } }
public class SettingsLevel15 { public SettingsLevel16? Next { get; set; } }
public class SettingsLevel16 { public SettingsLevel17? Next { get; set; } }
public class SettingsLevel17 { public SettingsLevel18? Next { get; set; } }
public class SettingsLevel18 { public SettingsLevel19? Next { get; set; } }
public class SettingsLevel19 { public SettingsLevel20? Next { get; set; } }
public class SettingsLevel20 { public SettingsLevel21? Next { get; set; } }
public class SettingsLevel21 { public SettingsLevel22? Next { get; set; } }
public class SettingsLevel22 { public SettingsLevel23? Next { get; set; } }
public class SettingsLevel23 { public SettingsLevel24? Next { get; set; } }
public class SettingsLevel24 { public SettingsLevel25? Next { get; set; } }
public class SettingsLevel25 { public SettingsLevel26? Next { get; set; } }
public class SettingsLevel26 { public SettingsLevel27? Next { get; set; } }
public class SettingsLevel27 { public SettingsLevel28? Next { get; set; } }
public class SettingsLevel28 { public SettingsLevel29? Next { get; set; } }
public class SettingsLevel29 { public SettingsLevel30? Next { get; set; } }
public class SettingsLevel30 { public SettingsLevel31? Next { get; set; } }
public class SettingsLevel31 { public SettingsLevel32? Next { get; set; } }
public class SettingsLevel32 { public SettingsLevel33? Next { get; set; } }
public class SettingsLevel33 { public int Value { get; set; } }
