using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sharpless.Functions;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.Deployment
{
    /// <summary>
    /// Compares the code's functions with the managed template the way the template writer would write it
    /// (SLS1016–SLS1020). A code function matches the function resource whose Handler is its handler string, else
    /// the one whose logical id is its <see cref="CodeFunction.LogicalId"/>. Resources the writer owns carry
    /// <c>Metadata: { Tool: Sharpless }</c>, and <c>Metadata.SyncedEvents</c> names the events it manages.
    /// Values the template cannot settle alone (an intrinsic without a parameter default) are never reported.
    /// </summary>
    internal static class TemplateDrift
    {
        private const string HttpApiEvent = "HttpApi";
        private const string RestApiEvent = "Api";
        private const string GeneratedRouterPrefix = "Sharpless.Generated.";

        public static ImmutableArray<Diagnostic> Compare(Compilation compilation, DeploymentTemplate template, IReadOnlyList<CodeFunction> functions)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            var byHandler = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
            var byLogicalId = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
            foreach (var resource in template.Functions)
            {
                if (Key(resource.Handler) is { } key && !byHandler.ContainsKey(key))
                {
                    byHandler.Add(key, resource);
                }

                byLogicalId[resource.LogicalId] = resource;
            }

            // By handler first, for every function, so a logical id never takes a resource another function runs.
            var matches = new (TemplateFunction? Resource, bool ByHandler)[functions.Count];
            var matched = new HashSet<TemplateFunction>();
            for (var i = 0; i < functions.Count; i++)
            {
                if (Key(functions[i].Handler) is { } key && byHandler.TryGetValue(key, out var resource))
                {
                    matches[i] = (resource, true);
                    matched.Add(resource);
                }
            }

            for (var i = 0; i < functions.Count; i++)
            {
                if (matches[i].Resource is null && byLogicalId.TryGetValue(functions[i].LogicalId, out var resource) && !matched.Contains(resource))
                {
                    matches[i] = (resource, false);
                    matched.Add(resource);
                }
            }

            for (var i = 0; i < functions.Count; i++)
            {
                var function = functions[i];
                var (resource, byHandlerMatch) = matches[i];
                if (resource is null)
                {
                    diagnostics.Add(Diagnostic.Create(
                        FunctionRules.MissingFromTemplate,
                        function.Declaration,
                        new[] { ResourcesLocation(template) },
                        function.Name,
                        FileName(template.Path),
                        function.Handler,
                        function.LogicalId));
                    continue;
                }

                if (!byHandlerMatch && resource.Handler is { } stale && HandlerNode(resource) is { } handlerNode)
                {
                    diagnostics.Add(Diagnostic.Create(
                        FunctionRules.StaleHandler,
                        function.Declaration,
                        new[] { handlerNode.GetLocation(template.Path) },
                        resource.LogicalId,
                        stale.Trim(),
                        $"but function '{function.Name}' is generated as '{function.Handler}'; update the resource's Handler"));
                }

                CompareSetting(template, function, resource, "MemorySize", function.MemorySize, resource.MemorySize, "MB", diagnostics);
                CompareSetting(template, function, resource, "Timeout", function.Timeout, resource.Timeout, "s", diagnostics);
                CompareRoutes(template, function, resource, diagnostics);
                CompareTrigger(template, function, resource, diagnostics);
            }

            foreach (var resource in template.Functions)
            {
                if (!matched.Contains(resource) && (IsGeneratedHandler(compilation, resource.Handler) || (IsOwned(resource) && !IsOtherAssemblys(compilation, resource.Handler))))
                {
                    var node = HandlerNode(resource);
                    diagnostics.Add(Diagnostic.Create(
                        FunctionRules.StaleHandler,
                        node?.GetLocation(template.Path) ?? resource.Location,
                        resource.LogicalId,
                        resource.Handler?.Trim() ?? "(none)",
                        "which no function in the code has; the function was removed or renamed in code: remove the resource or rename it back"));
                }
            }

            return diagnostics.ToImmutable();
        }

        private static void CompareSetting(
            DeploymentTemplate template,
            CodeFunction function,
            TemplateFunction resource,
            string name,
            CodeSetting? code,
            int? deployed,
            string unit,
            ImmutableArray<Diagnostic>.Builder diagnostics)
        {
            if (code is { } set)
            {
                // The effective value, Globals merged; a value only deploy time decides is taken at its word.
                var node = resource.Properties.Get(name);
                if (node is null || (deployed is { } value && value != set.Value))
                {
                    diagnostics.Add(Diagnostic.Create(
                        FunctionRules.SettingDiffers,
                        set.Location,
                        new[] { node?.GetLocation(template.Path) ?? resource.Location },
                        name,
                        function.Name,
                        Display(set.Value, unit),
                        node is null ? "not set" : Display(deployed!.Value, unit),
                        resource.LogicalId));
                }

                return;
            }

            // The writer removes a value the code no longer sets from the resources it owns, and only one it wrote
            // (Metadata.SyncedProperties); a value the user added to the resource, and Globals, are the user's.
            if (IsOwned(resource) && SyncedList(resource, SamNames.SyncedPropertiesKey).Contains(name) && resource.Resource.Properties?.Get(name) is { } own)
            {
                diagnostics.Add(Diagnostic.Create(
                    FunctionRules.SettingDiffers,
                    function.Declaration,
                    new[] { own.GetLocation(template.Path) },
                    name,
                    function.Name,
                    "not set",
                    deployed is { } value ? Display(value, unit) : "set",
                    resource.LogicalId));
            }
        }

        private static void CompareRoutes(DeploymentTemplate template, CodeFunction function, TemplateFunction resource, ImmutableArray<Diagnostic>.Builder diagnostics)
        {
            // A plain AWS::Lambda::Function has no SAM events: its API is declared by other resources.
            if (!resource.IsServerless)
            {
                return;
            }

            var events = new List<RouteEvent>();
            foreach (var entry in resource.Events)
            {
                if (RouteEvent.Read(template, entry) is { } read)
                {
                    events.Add(read);
                }
            }

            foreach (var route in function.Routes)
            {
                if (!events.Exists(e => e.Covers(route)))
                {
                    diagnostics.Add(Diagnostic.Create(
                        FunctionRules.RouteMissingFromTemplate,
                        route.Location,
                        new[] { EventsLocation(template, resource) },
                        route.Method,
                        route.Path,
                        function.Name,
                        route.Type,
                        resource.LogicalId));
                }
            }

            var owned = IsOwned(resource);
            var synced = owned ? SyncedList(resource, SamNames.SyncedEventsKey) : null;
            foreach (var routeEvent in events)
            {
                bool unmatched;
                if (!routeEvent.IsResolved)
                {
                    // Its method or path is decided at deploy time: it may well be one of the routes.
                    unmatched = false;
                }
                else if (owned)
                {
                    // The writer manages the events it names; the others are the user's.
                    unmatched = synced!.Contains(routeEvent.Name) && !Exists(function.Routes, routeEvent.IsExactly);
                }
                else
                {
                    // A hand-written template may serve the routes through a catch-all event (ANY /{proxy+}, as
                    // docs/http.md suggests); only an event that serves none of them has no route. A plain function's
                    // hand-written API events are its own business: it reads API Gateway events itself.
                    unmatched = function.IsRouter && !routeEvent.IsDefaultRoute && !Exists(function.Routes, routeEvent.IsExactly) && !Exists(function.Routes, routeEvent.Covers);
                }

                if (unmatched)
                {
                    diagnostics.Add(Diagnostic.Create(
                        FunctionRules.EventWithoutRoute,
                        routeEvent.KeyNode.GetLocation(template.Path),
                        new[] { function.Declaration },
                        routeEvent.Name,
                        resource.LogicalId,
                        routeEvent.Method ?? "ANY",
                        routeEvent.Path ?? "$default",
                        function.Name));
                }
            }
        }

        /// <summary>The SAM event types the writer writes for triggers.</summary>
        private static readonly HashSet<string> TriggerEventTypes = new(StringComparer.Ordinal) { "SQS", "DynamoDB", "Kinesis", "SNS", "S3", "Schedule", "EventBridgeRule" };

        /// <summary>SLS7010: the event a local build would write for the function's trigger, against the template's.</summary>
        private static void CompareTrigger(DeploymentTemplate template, CodeFunction function, TemplateFunction resource, ImmutableArray<Diagnostic>.Builder diagnostics)
        {
            if (!resource.IsServerless)
            {
                return;
            }

            var trigger = function.Trigger;
            if (trigger is not null)
            {
                var entry = resource.Events.FirstOrDefault(e => e.Name == trigger.EventName);
                var difference = entry is null ? "is missing from" : TriggerDifference(template, trigger, entry);
                if (difference is not null)
                {
                    diagnostics.Add(Diagnostic.Create(
                        Events.EventRules.TriggerDrift,
                        trigger.Location,
                        new[] { entry?.KeyNode.GetLocation(template.Path) ?? EventsLocation(template, resource) },
                        trigger.EventName,
                        function.Name,
                        difference,
                        resource.LogicalId));
                }
            }

            // An event the writer wrote for a trigger that is gone from the code still invokes the function.
            if (!IsOwned(resource))
            {
                return;
            }

            var synced = SyncedList(resource, SamNames.SyncedEventsKey);
            foreach (var entry in resource.Events)
            {
                if (entry.Type is { } type && TriggerEventTypes.Contains(type) && synced.Contains(entry.Name) && entry.Name != trigger?.EventName)
                {
                    diagnostics.Add(Diagnostic.Create(
                        Events.EventRules.TriggerDrift,
                        entry.KeyNode.GetLocation(template.Path),
                        new[] { function.Declaration },
                        entry.Name,
                        function.Name,
                        "is not in the code but is still an event of",
                        resource.LogicalId));
                }
            }
        }

        private static string? TriggerDifference(DeploymentTemplate template, CodeTrigger trigger, TemplateEvent entry)
        {
            if (entry.Type != trigger.SamType)
            {
                return $"is {Article(trigger.SamType)} {trigger.SamType} event in the code but {Article(entry.Type ?? "?")} {entry.Type ?? "untyped"} event in";
            }

            if (trigger.Source is { } source && entry.Properties?.Get(trigger.SourceProperty) is { } node && ReadsOtherSource(template, source, node) is { } deployed)
            {
                return $"reads {source} in the code but {deployed} in";
            }

            if (trigger.ReportsBatchFailures && !ReportsBatchFailures(entry))
            {
                return "reports failed items in the code, but has no FunctionResponseTypes: [ReportBatchItemFailures] (Lambda ignores them and the failed items are lost) in";
            }

            return null;
        }

        private static string Article(string word) => word.Length > 0 && "AEIOS".IndexOf(word[0]) >= 0 ? "an" : "a";

        /// <summary>What the template's source reads, when it is known and is not the code's; null when they agree or it cannot be known.</summary>
        private static string? ReadsOtherSource(DeploymentTemplate template, string source, TemplateNode node)
        {
            if (Intrinsic.TryRead(node, out var intrinsic))
            {
                string? logicalId = null;
                if (intrinsic.Name == Intrinsic.Ref && intrinsic.Argument is TemplateScalar reference)
                {
                    logicalId = reference.Value.Trim();
                }
                else if (intrinsic.Name == Intrinsic.GetAtt)
                {
                    logicalId = intrinsic.Argument switch
                    {
                        TemplateScalar dotted => dotted.Value.Split('.')[0].Trim(),
                        TemplateSequence { Items.Length: > 0 } pair when pair.Items[0] is TemplateScalar first => first.Value.Trim(),
                        _ => null,
                    };
                }

                // A value decided at deploy time (!Sub, !If, !ImportValue) may well be the code's: not judged.
                if (logicalId is null)
                {
                    return null;
                }

                return source == "@" + logicalId ? null : "@" + logicalId;
            }

            if (!template.TryResolveString(node, out var text))
            {
                return null;
            }

            return string.Equals(text.Trim(), source, StringComparison.Ordinal) ? null : text.Trim();
        }

        private static bool ReportsBatchFailures(TemplateEvent entry) =>
            entry.Properties?.Get("FunctionResponseTypes") is TemplateSequence types &&
            types.Items.Any(item => item is TemplateScalar { Value: var value } && value.Trim() == "ReportBatchItemFailures");

        private static bool Exists(IReadOnlyList<CodeRoute> routes, Func<CodeRoute, bool> predicate)
        {
            foreach (var route in routes)
            {
                if (predicate(route))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOwned(TemplateFunction resource) => SamNames.IsOwned(resource.Resource.Definition as TemplateMapping);

        private static HashSet<string> SyncedList(TemplateFunction resource, string key) => SamNames.SyncedNames(resource.Resource.Definition as TemplateMapping, key);

        /// <summary>
        /// A handler Sharpless generates in this assembly (<c>Ns.Class_Function_Handler::Handle</c> or
        /// <c>Sharpless.Generated.NameRouter::Handle</c>) whose type the code does not declare by hand.
        /// </summary>
        private static bool IsGeneratedHandler(Compilation compilation, string? handler)
        {
            if (!HandlerString.TryParse(handler, out var parsed) ||
                !string.Equals(parsed.Assembly, compilation.AssemblyName, StringComparison.OrdinalIgnoreCase) ||
                parsed.MethodName != FunctionReader.HandlerMethodName)
            {
                return false;
            }

            var typeName = parsed.TypeName;
            var generated = typeName.EndsWith("_Handler", StringComparison.Ordinal) ||
                (typeName.StartsWith(GeneratedRouterPrefix, StringComparison.Ordinal) && typeName.EndsWith("Router", StringComparison.Ordinal));
            return generated &&
                !(compilation.Assembly.GetTypeByMetadataName(typeName) is { } type && FunctionMethods.IsWrittenByHand(type));
        }

        /// <summary>
        /// A handler in another assembly: in a template several Sharpless projects write, each keeps its own resources,
        /// and the others' are not stale here.
        /// </summary>
        private static bool IsOtherAssemblys(Compilation compilation, string? handler) =>
            HandlerString.TryParse(handler, out var parsed) &&
            !string.Equals(parsed.Assembly, compilation.AssemblyName, StringComparison.OrdinalIgnoreCase);

        /// <summary>The runtime loads the assembly by name, case-insensitively; type and method names are case-sensitive.</summary>
        private static string? Key(string? handler) =>
            HandlerString.TryParse(handler, out var parsed) ? parsed.Assembly.ToUpperInvariant() + "::" + parsed.TypeName + "::" + parsed.MethodName : null;

        private static TemplateNode? HandlerNode(TemplateFunction resource) => resource.Properties.Get("Handler");

        private static Location ResourcesLocation(DeploymentTemplate template) =>
            template.Root.TryGetEntry("Resources", out var resources)
                ? resources.KeyNode.GetLocation(template.Path)
                : Location.Create(template.Path, new TextSpan(0, 0), new LinePositionSpan(default, default));

        private static Location EventsLocation(DeploymentTemplate template, TemplateFunction resource) =>
            resource.Properties.TryGetEntry("Events", out var events) ? events.KeyNode.GetLocation(template.Path) : resource.Location;

        private static string Display(int value, string unit) => value.ToString(CultureInfo.InvariantCulture) + " " + unit;

        private static string FileName(string path)
        {
            try
            {
                return Path.GetFileName(path);
            }
            catch (ArgumentException)
            {
                return path;
            }
        }

        /// <summary>An <c>HttpApi</c> or <c>Api</c> event, with the method and path where the template alone decides them.</summary>
        private sealed class RouteEvent
        {
            private RouteEvent(string name, TemplateScalar keyNode, string type, string? method, string? path, bool isResolved)
            {
                Name = name;
                KeyNode = keyNode;
                Type = type;
                Method = method;
                Path = path;
                IsResolved = isResolved;
            }

            public string Name { get; }

            public TemplateScalar KeyNode { get; }

            public string Type { get; }

            public string? Method { get; }

            public string? Path { get; }

            /// <summary>
            /// The template alone decides the method and path. An event whose Path or Method is an intrinsic without a
            /// parameter default (<c>!Sub '/${Stage}/orders'</c>) is taken at its word: it may serve any route of its type.
            /// </summary>
            public bool IsResolved { get; }

            /// <summary>An HttpApi event without Path and Method: the API's <c>$default</c> route, which takes every request.</summary>
            public bool IsDefaultRoute => IsResolved && Method is null && Path is null;

            public static RouteEvent? Read(DeploymentTemplate template, TemplateEvent entry)
            {
                if (entry.Type is not (HttpApiEvent or RestApiEvent))
                {
                    return null;
                }

                var properties = entry.Properties;
                var pathNode = properties?.Get("Path");
                var methodNode = properties?.Get("Method");
                string? path = null;
                string? method = null;
                if ((pathNode is not null && !template.TryResolveString(pathNode, out path)) ||
                    (methodNode is not null && !template.TryResolveString(methodNode, out method)))
                {
                    return new RouteEvent(entry.Name, entry.KeyNode, entry.Type, method: null, path: null, isResolved: false);
                }

                // A REST API event needs both; an HttpApi event needs both or neither.
                if ((path is null) != (method is null) || (path is null && entry.Type == RestApiEvent))
                {
                    return null;
                }

                return new RouteEvent(entry.Name, entry.KeyNode, entry.Type, method?.Trim(), path?.Trim(), isResolved: true);
            }

            public bool IsExactly(CodeRoute route) =>
                IsResolved &&
                route.Type == Type &&
                string.Equals(route.Method, Method, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(route.Path, Path, StringComparison.Ordinal);

            /// <summary>The event sends the route's requests to the function: the same route, <c>ANY</c>, a greedy path or <c>$default</c>.</summary>
            public bool Covers(CodeRoute route)
            {
                if (route.Type != Type)
                {
                    return false;
                }

                if (!IsResolved || IsDefaultRoute)
                {
                    return true;
                }

                var method = string.Equals(route.Method, Method, StringComparison.OrdinalIgnoreCase) || string.Equals(Method, "ANY", StringComparison.OrdinalIgnoreCase);
                return method && (string.Equals(route.Path, Path, StringComparison.Ordinal) || IsUnderGreedy(route.Path, Path!));
            }

            /// <summary><c>/files/{path+}</c> takes every path below <c>/files/</c>.</summary>
            private static bool IsUnderGreedy(string routePath, string eventPath)
            {
                if (!eventPath.EndsWith("+}", StringComparison.Ordinal))
                {
                    return false;
                }

                var slash = eventPath.LastIndexOf('/');
                if (slash < 0 || eventPath.IndexOf('{', slash) != slash + 1)
                {
                    return false;
                }

                var prefix = eventPath.Substring(0, slash + 1);
                return routePath.Length > prefix.Length && routePath.StartsWith(prefix, StringComparison.Ordinal);
            }
        }
    }
}
