using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace Sharpless.Deployment.Manifest
{
    /// <summary>
    /// Reads the manifest out of a compiled assembly without loading it: the constant
    /// <c>Sharpless.Generated.FunctionManifest.Json</c> is a string in the metadata's constant table. Loading the
    /// assembly would need its dependencies and could run its code; reading metadata needs neither.
    /// </summary>
    internal static class FunctionManifestReader
    {
        private const string ManifestNamespace = "Sharpless.Generated";
        private const string ManifestType = "FunctionManifest";
        private const string ManifestField = "Json";

        /// <summary>The manifest, or null when the assembly declares no functions (the generator wrote no manifest).</summary>
        public static FunctionManifest? FromAssembly(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new ManifestException($"'{assemblyPath}' is not a .NET assembly.");
            }

            var json = ReadManifestConstant(pe.GetMetadataReader());
            return json is null ? null : FromJson(json);
        }

        public static FunctionManifest FromJson(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                var version = root.GetProperty("version").GetInt32();
                if (version != 1)
                {
                    throw new ManifestException($"The function manifest has version {version}; this Sharpless reads version 1. Use one Sharpless version for the build and the package.");
                }

                var functions = new List<ManifestFunction>();
                foreach (var function in root.GetProperty("functions").EnumerateArray())
                {
                    functions.Add(ReadFunction(function));
                }

                return new FunctionManifest(functions);
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is FormatException)
            {
                throw new ManifestException($"The function manifest could not be read: {e.Message}");
            }
        }

        private static string? ReadManifestConstant(MetadataReader metadata)
        {
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if (!metadata.StringComparer.Equals(type.Name, ManifestType) ||
                    !metadata.StringComparer.Equals(type.Namespace, ManifestNamespace))
                {
                    continue;
                }

                foreach (var fieldHandle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(fieldHandle);
                    if (!metadata.StringComparer.Equals(field.Name, ManifestField))
                    {
                        continue;
                    }

                    var constantHandle = field.GetDefaultValue();
                    if (constantHandle.IsNil)
                    {
                        break;
                    }

                    var constant = metadata.GetConstant(constantHandle);
                    if (constant.TypeCode != ConstantTypeCode.String)
                    {
                        break;
                    }

                    // A string constant's blob is its UTF-16 code units, without a length prefix.
                    var blob = metadata.GetBlobReader(constant.Value);
                    return blob.ReadUTF16(blob.Length);
                }

                throw new ManifestException($"{ManifestNamespace}.{ManifestType} has no string constant '{ManifestField}'.");
            }

            return null;
        }

        private static ManifestFunction ReadFunction(JsonElement function)
        {
            var vpc = function.TryGetProperty("vpcConfig", out var vpcElement) && vpcElement.ValueKind == JsonValueKind.Object
                ? new ManifestVpcConfig(Strings(vpcElement, "subnetIds"), Strings(vpcElement, "securityGroupIds"))
                : null;

            var events = new List<ManifestEvent>();
            if (function.TryGetProperty("events", out var eventsElement))
            {
                foreach (var item in eventsElement.EnumerateArray())
                {
                    if (item.TryGetProperty("properties", out var properties))
                    {
                        events.Add(new ManifestEvent(item.GetProperty("type").GetString()!, string.Empty, string.Empty, string.Empty, item.GetProperty("name").GetString()!, TriggerProperties.From(item.GetProperty("type").GetString()!, properties)));
                        continue;
                    }

                    events.Add(new ManifestEvent(
                        item.GetProperty("type").GetString()!,
                        item.GetProperty("method").GetString()!,
                        item.GetProperty("path").GetString()!,
                        item.GetProperty("payloadFormatVersion").GetString()!));
                }
            }

            return new ManifestFunction(
                function.GetProperty("name").GetString()!,
                function.GetProperty("handler").GetString()!,
                function.GetProperty("method").GetString()!,
                NumberOrNull(function, "memorySize"),
                NumberOrNull(function, "timeout"),
                function.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString() : null,
                Strings(function, "policies"),
                vpc,
                events);
        }

        private static int? NumberOrNull(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

        private static IReadOnlyList<string> Strings(JsonElement element, string name)
        {
            var values = new List<string>();
            if (element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    values.Add(item.GetString()!);
                }
            }

            return values;
        }
    }

    /// <summary>The manifest is missing or unreadable; the message says what to do.</summary>
    internal sealed class ManifestException : Exception
    {
        public ManifestException(string message)
            : base(message)
        {
        }
    }
}
