using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharpless.Functions;
using Sharpless.Deployment.Templates;
using Sharpless.Http;

namespace Sharpless.Deployment
{
    /// <summary>A route as the template writer deploys it: an event of <see cref="Type"/> <c>HttpApi</c> or <c>Api</c>.</summary>
    internal readonly struct CodeRoute
    {
        public CodeRoute(string type, string method, string path, Location location)
        {
            Type = type;
            Method = method;
            Path = path;
            Location = location;
        }

        /// <summary><c>HttpApi</c> for <c>[HttpApi]</c>, <c>Api</c> for <c>[RestApi]</c> (SAM's event types).</summary>
        public string Type { get; }

        /// <summary>Upper case, <c>ANY</c> for <c>LambdaHttpMethod.Any</c> (as <see cref="RouteReader.ReadAttribute"/> reads it).</summary>
        public string Method { get; }

        public string Path { get; }

        /// <summary>The route attribute.</summary>
        public Location Location { get; }
    }

    /// <summary>
    /// The trigger of an event function as the template writer writes it: the SAM event's name and type, the resource or
    /// ARN it reads (<c>@LogicalId</c> or an ARN, as written in the attribute), and whether it reports batch failures.
    /// </summary>
    internal sealed class CodeTrigger
    {
        public CodeTrigger(string eventName, string samType, string sourceProperty, string? source, bool reportsBatchFailures, Location location)
        {
            EventName = eventName;
            SamType = samType;
            SourceProperty = sourceProperty;
            Source = source;
            ReportsBatchFailures = reportsBatchFailures;
            Location = location;
        }

        public string EventName { get; }

        /// <summary><c>SQS</c>, <c>DynamoDB</c>, <c>Kinesis</c>, <c>SNS</c>, <c>S3</c>, <c>Schedule</c> or <c>EventBridgeRule</c>.</summary>
        public string SamType { get; }

        /// <summary>The property that names the source: <c>Queue</c>, <c>Stream</c>, <c>Topic</c>, <c>Bucket</c>, <c>Schedule</c> (none for rules).</summary>
        public string SourceProperty { get; }

        public string? Source { get; }

        public bool ReportsBatchFailures { get; }

        /// <summary>The event-source attribute.</summary>
        public Location Location { get; }
    }

    /// <summary>A <c>MemorySize</c> or <c>Timeout</c> set on a <c>[LambdaFunction]</c>, with its named argument.</summary>
    internal readonly struct CodeSetting
    {
        public CodeSetting(int value, Location location)
        {
            Value = value;
            Location = location;
        }

        public int Value { get; }

        public Location Location { get; }
    }

    /// <summary>
    /// One Lambda function as the code declares it, with what the template writer writes for it: the resource's
    /// logical id, the handler string, memory and timeout, and the routes (router functions).
    /// </summary>
    internal sealed class CodeFunction
    {
        public CodeFunction(string name, string handler, bool isRouter, Location declaration, CodeSetting? memorySize, CodeSetting? timeout, IReadOnlyList<CodeRoute> routes, CodeTrigger? trigger = null)
        {
            Trigger = trigger;
            Name = name;
            Handler = handler;
            IsRouter = isRouter;
            Declaration = declaration;
            MemorySize = memorySize;
            Timeout = timeout;
            Routes = routes;
            LogicalId = SamNames.LogicalId(name);
        }

        public string Name { get; }

        public string Handler { get; }

        public string LogicalId { get; }

        public bool IsRouter { get; }

        /// <summary>The <c>[LambdaFunction]</c> attribute; for a router function, its first route attribute in source order.</summary>
        public Location Declaration { get; }

        public CodeSetting? MemorySize { get; }

        public CodeSetting? Timeout { get; }

        public IReadOnlyList<CodeRoute> Routes { get; }

        /// <summary>The trigger of an event function (<c>[SQSEvent]</c>, …); null for other functions.</summary>
        public CodeTrigger? Trigger { get; }

        /// <summary>The same function serving only <paramref name="routes"/>.</summary>
        public CodeFunction WithRoutes(IReadOnlyList<CodeRoute> routes) =>
            new CodeFunction(Name, Handler, IsRouter, Declaration, MemorySize, Timeout, routes, Trigger);

        public override string ToString() => Name;
    }

    /// <summary>
    /// The functions of a compilation as the template writer sees them: one per <c>[LambdaFunction]</c> method and one
    /// per router (its routes gathered from every route method it serves), from <see cref="FunctionMethods"/>.
    /// Half-typed attributes are skipped, never guessed.
    /// </summary>
    internal static class CodeFunctions
    {
        public static List<CodeFunction> Read(Compilation compilation, CancellationToken cancellationToken)
        {
            var methods = FunctionMethods.Read(compilation, cancellationToken);
            var order = new SourceOrder(compilation);
            var functions = new List<CodeFunction>();
            foreach (var group in methods.GroupBy(m => m.Handler, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var first = group.First();
                if (!first.IsRoute)
                {
                    // Two functions with one handler (SLS1008) are judged by the first.
                    var attribute = first.Declaration!;
                    var location = LocationOf(attribute, cancellationToken);
                    if (location is null)
                    {
                        continue;
                    }

                    var settings = first.FunctionAttribute;
                    var trigger = first.Trigger is { } triggerAttribute ? Events.EventTriggerAttribute.Read(compilation, first.Method, triggerAttribute, cancellationToken) : null;
                    functions.Add(new CodeFunction(
                        first.Name,
                        first.Handler,
                        isRouter: false,
                        location,
                        settings is null ? null : Setting(settings, "MemorySize", location, cancellationToken),
                        settings is null ? null : Setting(settings, "Timeout", location, cancellationToken),
                        Array.Empty<CodeRoute>(),
                        trigger));
                    continue;
                }

                var routes = new List<CodeRoute>();
                var byMethod = new List<(Location First, FunctionMethod Method)>();
                foreach (var method in group)
                {
                    Location? firstOfMethod = null;
                    foreach (var route in method.Routes)
                    {
                        if (LocationOf(route.Attribute, cancellationToken) is not { } location)
                        {
                            continue;
                        }

                        firstOfMethod = firstOfMethod is null || order.Compare(location, firstOfMethod) < 0 ? location : firstOfMethod;
                        if (RouteReader.ReadAttribute(route.Attribute) is { } read)
                        {
                            routes.Add(new CodeRoute(route.IsRestApi ? "Api" : "HttpApi", read.Method, read.Template, location));
                        }
                    }

                    if (firstOfMethod is not null)
                    {
                        byMethod.Add((firstOfMethod, method));
                    }
                }

                if (byMethod.Count == 0)
                {
                    continue;
                }

                byMethod.Sort((a, b) => order.Compare(a.First, b.First));
                routes.Sort((a, b) => order.Compare(a.Location, b.Location));
                functions.Add(new CodeFunction(
                    first.Name,
                    first.Handler,
                    isRouter: true,
                    byMethod[0].First,
                    RouterSetting(byMethod, "MemorySize", cancellationToken),
                    RouterSetting(byMethod, "Timeout", cancellationToken),
                    routes));
            }

            return functions;
        }

        /// <summary>A router's setting comes from the first of its routes' <c>[LambdaFunction]</c> attributes that sets it (as <see cref="RouterPlanner"/> plans it).</summary>
        private static CodeSetting? RouterSetting(List<(Location First, FunctionMethod Method)> methods, string name, CancellationToken cancellationToken)
        {
            foreach (var (first, method) in methods)
            {
                if (method.FunctionAttribute is { } attribute && Setting(attribute, name, first, cancellationToken) is { } setting)
                {
                    return setting;
                }
            }

            return null;
        }

        /// <summary>A non-zero int named argument, located at <c>Name = value</c> (else at <paramref name="fallback"/>).</summary>
        private static CodeSetting? Setting(AttributeData attribute, string name, Location fallback, CancellationToken cancellationToken)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key != name || argument.Value.Value is not int value || value == 0)
                {
                    continue;
                }

                if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list })
                {
                    foreach (var written in list.Arguments)
                    {
                        if (written.NameEquals?.Name.Identifier.ValueText == name)
                        {
                            return new CodeSetting(value, written.GetLocation());
                        }
                    }
                }

                return new CodeSetting(value, fallback);
            }

            return null;
        }

        private static Location? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() is { IsInSource: true } location ? location : null;

        /// <summary>Orders source locations as the compilation lists its files, then by position.</summary>
        private sealed class SourceOrder
        {
            private readonly Compilation _compilation;
            private Dictionary<SyntaxTree, int>? _trees;

            public SourceOrder(Compilation compilation)
            {
                _compilation = compilation;
            }

            public int Compare(Location a, Location b)
            {
                if (a.SourceTree != b.SourceTree)
                {
                    _trees ??= _compilation.SyntaxTrees.Select((tree, i) => (tree, i)).ToDictionary(t => t.tree, t => t.i);
                    return Index(a).CompareTo(Index(b));
                }

                return a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
            }

            private int Index(Location location) =>
                location.SourceTree is { } tree && _trees!.TryGetValue(tree, out var index) ? index : int.MaxValue;
        }
    }
}
