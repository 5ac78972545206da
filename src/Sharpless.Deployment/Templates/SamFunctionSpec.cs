using System;
using System.Collections.Generic;
using System.Linq;
using Sharpless.Deployment.Templates;
using Sharpless.Deployment.Manifest;

namespace Sharpless.Deployment.Templates
{
    /// <summary>
    /// Settings that come from the project rather than from a function's attributes. <paramref name="AssemblyName"/>
    /// tells this project's resources from those another Sharpless project writes into the same template.
    /// </summary>
    internal sealed record ProjectDeployment(string? Runtime, string CodeUri, string AssemblyName);

    /// <summary>
    /// One function as the SAM resource Sharpless keeps: which keys are Sharpless's and what they hold. The properties
    /// Sharpless writes from attributes are listed in <c>Metadata.SyncedProperties</c> and the route events in
    /// <c>Metadata.SyncedEvents</c>; that is how a later build knows what it may remove: a memory size deleted from
    /// the attribute goes from the template, while a property the user added to the resource stays.
    /// </summary>
    internal static class SamFunctionSpec
    {
        private static readonly string[] AttributeProperties = { "MemorySize", "Timeout", "Role", "Policies", "VpcConfig" };

        public static MappingSpec For(ManifestFunction function, IReadOnlyList<string> eventNames, ProjectDeployment project, TemplateMapping? existing)
        {
            var previousProperties = SamNames.SyncedNames(existing, SamNames.SyncedPropertiesKey);
            var previousEvents = SamNames.SyncedNames(existing, SamNames.SyncedEventsKey);

            var properties = new List<EntrySpec>
            {
                new SetEntry("Handler", TemplateValue.String(function.Handler)),
            };
            if (project.Runtime is not null)
            {
                properties.Add(new SetEntry("Runtime", TemplateValue.String(project.Runtime)));
            }

            properties.Add(new SeedEntry("CodeUri", TemplateValue.String(project.CodeUri)));

            var synced = new List<string>();
            foreach (var name in AttributeProperties)
            {
                var value = AttributeValue(function, name);
                if (value is not null)
                {
                    synced.Add(name);
                    properties.Add(new SetEntry(name, value));
                }
                else if (previousProperties.Contains(name))
                {
                    properties.Add(new RemoveEntry(name));
                }
            }

            var events = new List<EntrySpec>();
            for (var i = 0; i < function.Events.Count; i++)
            {
                events.Add(new NestedEntry(eventNames[i], EventSpec(function.Events[i])));
            }

            foreach (var stale in previousEvents.Except(eventNames, StringComparer.Ordinal))
            {
                events.Add(new RemoveEntry(stale));
            }

            properties.Add(new NestedEntry("Events", new MappingSpec(events, removeWhenEmpty: true)));

            var metadata = new List<EntrySpec>
            {
                new SetEntry(SamNames.ToolKey, TemplateValue.String(SamNames.ToolValue)),
                ListOrRemove(SamNames.SyncedPropertiesKey, synced),
                ListOrRemove(SamNames.SyncedEventsKey, eventNames),
            };

            return new MappingSpec(new EntrySpec[]
            {
                new SetEntry("Type", TemplateValue.String(SamNames.ServerlessFunctionType)),
                new NestedEntry("Metadata", new MappingSpec(metadata)),
                new NestedEntry("Properties", new MappingSpec(properties)),
            });
        }

        /// <summary>Event names for a function's routes, unique within it, in route order.</summary>
        public static IReadOnlyList<string> EventNames(ManifestFunction function)
        {
            var names = new List<string>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var route in function.Events)
            {
                var name = route.IsTrigger ? route.Name! : SamNames.EventName(route.Method, route.Path);
                if (route.Type == "Api" && used.Contains(name))
                {
                    // The same route on the REST API as on the HTTP API.
                    name += "Rest";
                }

                var unique = name;
                for (var n = 2; !used.Add(unique); n++)
                {
                    unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names.Add(unique);
            }

            return names;
        }

        /// <summary>
        /// The assembly an owned resource's handler names (<c>Assembly::Type::Method</c>), or null when its Handler is
        /// missing or not a handler string. The runtime loads the assembly by file name, so case does not matter.
        /// </summary>
        public static string? HandlerAssembly(TemplateMapping resource)
        {
            var handler = resource.GetMapping("Properties")?.GetScalar("Handler");
            if (handler is null || handler.IsNull)
            {
                return null;
            }

            var separator = handler.Value.IndexOf("::", StringComparison.Ordinal);
            return separator > 0 ? handler.Value.Substring(0, separator).Trim() : null;
        }

        /// <summary>An owned resource that another project's build keeps: its handler names another assembly.</summary>
        public static bool IsOtherProjects(TemplateMapping resource, string assemblyName) =>
            HandlerAssembly(resource) is { } assembly && !string.Equals(assembly, assemblyName, StringComparison.OrdinalIgnoreCase);

        public static bool IsOwned(TemplateMapping resource) => SamNames.IsOwned(resource);

        private static MappingSpec EventSpec(ManifestEvent route)
        {
            if (route.Properties is { } trigger)
            {
                // The trigger's properties are all Sharpless's: the event is rewritten whole from the attribute.
                return new MappingSpec(new EntrySpec[]
                {
                    new SetEntry("Type", TemplateValue.String(route.Type)),
                    new SetEntry("Properties", trigger),
                });
            }

            var properties = new List<EntrySpec>
            {
                new SetEntry("Path", TemplateValue.String(route.Path)),
                new SetEntry("Method", TemplateValue.String(route.Method)),
            };
            if (route.Type == "HttpApi")
            {
                properties.Add(new SetEntry("PayloadFormatVersion", TemplateValue.String(route.PayloadFormatVersion)));
            }

            return new MappingSpec(new EntrySpec[]
            {
                new SetEntry("Type", TemplateValue.String(route.Type)),
                new NestedEntry("Properties", new MappingSpec(properties)),
            });
        }

        private static TemplateValue? AttributeValue(ManifestFunction function, string property)
        {
            switch (property)
            {
                case "MemorySize":
                    return function.MemorySize is int memory ? TemplateValue.Number(memory) : null;
                case "Timeout":
                    return function.Timeout is int timeout ? TemplateValue.Number(timeout) : null;
                case "Role":
                    return function.Role is null ? null : Reference(function.Role, asAttribute: true);
                case "Policies":
                    return function.Policies.Count == 0 ? null : TemplateValue.List(function.Policies.Select(p => Reference(p, asAttribute: false)));
                case "VpcConfig":
                    return function.VpcConfig is null
                        ? null
                        : TemplateValue.Map(
                            ("SecurityGroupIds", TemplateValue.List(function.VpcConfig.SecurityGroupIds.Select(Reference))),
                            ("SubnetIds", TemplateValue.List(function.VpcConfig.SubnetIds.Select(Reference))));
                default:
                    return null;
            }
        }

        private static TemplateValue Reference(string value) => Reference(value, asAttribute: false);

        /// <summary>
        /// <c>@Name</c> names a resource or parameter of the template, as in the AWS Lambda Annotations framework:
        /// a role becomes <c>!GetAtt Name.Arn</c>, anything else <c>!Ref Name</c>. Other text is written as is.
        /// </summary>
        private static TemplateValue Reference(string value, bool asAttribute)
        {
            if (value.Length > 1 && value[0] == '@')
            {
                var name = value.Substring(1);
                return asAttribute ? TemplateValue.GetAtt(name, "Arn") : TemplateValue.Ref(name);
            }

            return TemplateValue.String(value);
        }

        private static EntrySpec ListOrRemove(string key, IReadOnlyList<string> values) =>
            values.Count == 0
                ? new RemoveEntry(key)
                : new SetEntry(key, TemplateValue.List(values.Select(TemplateValue.String)));
    }
}
