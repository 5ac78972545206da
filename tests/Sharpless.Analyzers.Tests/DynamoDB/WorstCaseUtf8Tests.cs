using System.Reflection;
using System.Runtime.Loader;
using Sharpless.DynamoDB;

namespace Sharpless.Analyzers.Tests.DynamoDB;

/// <summary>
/// The 3-bytes-per-character worst case (the default) against the run-time size: the generated mapper is compiled,
/// loaded and run on an instance whose every bound is filled with 3-byte UTF-8 characters ('€', 'あ').
/// (The ASCII counterpart, refereed by dynalite, is in Sharpless.DynamoDB.Tests.)
/// </summary>
public sealed class WorstCaseUtf8Tests
{
    [Fact]
    public async Task WorstCaseInstance_OfThreeByteCharacters_HasExactlyMaxItemSize()
    {
        var run = await DynamoDBProject.Create()
            .WithGenerator<ItemMapperGenerator>()
            .WithSourceCode("""
                using System.Collections.Generic;
                using System.ComponentModel.DataAnnotations;
                using Amazon.DynamoDBv2.DataModel;
                using Sharpless.DynamoDB;

                namespace Utf8
                {
                    [DynamoDBTable("Texts")]
                    public class Text
                    {
                        [DynamoDBHashKey, StringLength(10)] public string Id { get; set; } = "";
                        public char Mark { get; set; }
                        [ItemBounds(MaxCount = 2, ElementMaxLength = 3)] public List<string>? Tags { get; set; }
                        [ItemBounds(MaxCount = 1, KeyMaxLength = 2, ElementMaxLength = 2)] public Dictionary<string, string>? Labels { get; set; }
                        public Part? Part { get; set; }
                    }

                    public class Part
                    {
                        [StringLength(4)] public string? Title { get; set; }
                    }
                }
                """)
            .RunGeneratorsAsync();
        run.ShouldCompileWithoutWarnings();

        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("worst-case", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var textType = assembly.GetType("Utf8.Text")!;
            var partType = assembly.GetType("Utf8.Part")!;
            var mapper = assembly.GetType("Utf8.TextMapper")!;

            var part = Activator.CreateInstance(partType)!;
            partType.GetProperty("Title")!.SetValue(part, "€€€€");
            var text = Activator.CreateInstance(textType)!;
            textType.GetProperty("Id")!.SetValue(text, new string('€', 10));
            textType.GetProperty("Mark")!.SetValue(text, '€');
            textType.GetProperty("Tags")!.SetValue(text, new List<string> { "€€€", "ああ€" });
            textType.GetProperty("Labels")!.SetValue(text, new Dictionary<string, string> { ["€€"] = "ああ" });
            textType.GetProperty("Part")!.SetValue(text, part);

            var maxItemSize = (long)mapper.GetField("MaxItemSize", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
            var size = (int)mapper.GetMethod("GetItemSize")!.Invoke(null, [text])!;

            // Id 2 + 30, Mark 4 + 3, Tags 4 + 2 × 9 (a V1 string set), Labels 6 + 3 + (1 + 6 + 6), Part 4 + 3 + (1 + 5 + 12).
            Assert.Equal(2 + 30 + 4 + 3 + 4 + 18 + 6 + 3 + 13 + 4 + 3 + 18, maxItemSize);
            Assert.Equal(maxItemSize, size);
        }
        finally
        {
            context.Unload();
        }
    }
}
