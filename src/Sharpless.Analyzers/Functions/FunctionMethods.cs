using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharpless.Common;
using Sharpless.Http;

namespace Sharpless.Functions
{
    /// <summary>A route attribute on a method: <c>[HttpApi]</c>, or <c>[RestApi]</c> when <see cref="IsRestApi"/>.</summary>
    internal readonly struct RouteAttribute
    {
        public RouteAttribute(AttributeData attribute, bool isRestApi)
        {
            Attribute = attribute;
            IsRestApi = isRestApi;
        }

        public AttributeData Attribute { get; }

        public bool IsRestApi { get; }
    }

    /// <summary>
    /// A hand-written method that declares a Lambda function: a <c>[LambdaFunction]</c> method, or a route method
    /// (<c>[HttpApi]</c>/<c>[RestApi]</c>), which its router function serves — <c>Api</c>, or the name of its own
    /// <c>[LambdaFunction]</c>. <see cref="Handler"/> is the handler string Sharpless generates for it.
    /// </summary>
    internal readonly struct FunctionMethod
    {
        public FunctionMethod(IMethodSymbol method, AttributeData? functionAttribute, ImmutableArray<RouteAttribute> routes, string name, string handler, AttributeData? trigger = null)
        {
            Method = method;
            FunctionAttribute = functionAttribute;
            Trigger = trigger;
            Routes = routes;
            Name = name;
            Handler = handler;
        }

        public IMethodSymbol Method { get; }

        public AttributeData? FunctionAttribute { get; }

        /// <summary>The event-source attribute (<c>[SQSEvent]</c>, …) of an event function; null otherwise.</summary>
        public AttributeData? Trigger { get; }

        /// <summary>The attribute that declares the function: <c>[LambdaFunction]</c>, else its event-source attribute.</summary>
        public AttributeData? Declaration => FunctionAttribute ?? Trigger;

        /// <summary>The method's route attributes in written order; empty for a plain function.</summary>
        public ImmutableArray<RouteAttribute> Routes { get; }

        public bool IsRoute => !Routes.IsEmpty;

        /// <summary>The function's name: the router's for a route method, else <c>[LambdaFunction(Name)]</c> or the method's.</summary>
        public string Name { get; }

        public string Handler { get; }
    }

    /// <summary>
    /// Finds the <see cref="FunctionMethod"/>s of a compilation with symbols only (no semantic model): every source
    /// type outside generated files, and of those only the methods whose syntax names a function or route attribute
    /// have their attributes bound. Shared by the analyzers that map code to deployed functions.
    /// </summary>
    internal static class FunctionMethods
    {
        /// <summary>Words without which a file declares no function or route.</summary>
        internal static readonly string[] AttributeWords = { "LambdaFunction", "HttpApi", "RestApi", "SQSEvent", "DynamoDBEvent", "SNSEvent", "S3Event", "KinesisEvent", "ScheduleEvent", "EventBridgeEvent" };

        public static List<FunctionMethod> Read(Compilation compilation, CancellationToken cancellationToken)
        {
            var result = new List<FunctionMethod>();
            var lambdaFunction = compilation.GetTypeByMetadataName(KnownTypeNames.SharplessLambdaFunctionAttribute);
            var httpApi = compilation.GetTypeByMetadataName(KnownTypeNames.SharplessHttpApiAttribute);
            var restApi = compilation.GetTypeByMetadataName(KnownTypeNames.SharplessRestApiAttribute);
            if (lambdaFunction is null && httpApi is null && restApi is null)
            {
                return result;
            }

            // Only types declared in a file that names one of the attributes have their members built (SourceTypes).
            foreach (var type in SourceTypes.InFilesNaming(compilation, AttributeWords, cancellationToken))
            {
                AddMethods(compilation, type, lambdaFunction, httpApi, restApi, result);
            }

            return result;
        }

        private static void AddMethods(
            Compilation compilation,
            INamedTypeSymbol type,
            INamedTypeSymbol? lambdaFunction,
            INamedTypeSymbol? httpApi,
            INamedTypeSymbol? restApi,
            List<FunctionMethod> result)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || !MayHaveFunctionAttribute(method))
                {
                    continue;
                }

                AttributeData? function = null;
                AttributeData? trigger = null;
                var routes = ImmutableArray.CreateBuilder<RouteAttribute>();
                foreach (var attribute in method.GetAttributes())
                {
                    var attributeClass = attribute.AttributeClass;
                    if (Is(attributeClass, lambdaFunction))
                    {
                        function = attribute;
                    }
                    else if (Is(attributeClass, httpApi) || Is(attributeClass, restApi))
                    {
                        routes.Add(new RouteAttribute(attribute, Is(attributeClass, restApi)));
                    }
                    else if (trigger is null && Events.EventSourceAttributes.KindOf(attributeClass) is not null)
                    {
                        trigger = attribute;
                    }
                }

                if (function is null && routes.Count == 0 && trigger is null)
                {
                    continue;
                }

                // An event-source method is its own function (routes win, as the readers decide: a method is one or the other).
                var isRoute = routes.Count > 0;
                var name = function is not null ? FunctionNames.Read(method, function) : isRoute ? RouterPlanner.DefaultFunctionName : method.Name;
                var handler = isRoute
                    ? compilation.AssemblyName + "::Sharpless.Generated." + RouterPlanner.TypeName(name) + "::" + FunctionReader.HandlerMethodName
                    : compilation.AssemblyName + "::" + FunctionNames.QualifiedHandlerType(method, name) + "::" + FunctionReader.HandlerMethodName;
                result.Add(new FunctionMethod(method, function, routes.ToImmutable(), name, handler, isRoute ? null : trigger));
            }
        }

        /// <summary>
        /// Source types outside generated files (<c>*.g.cs</c>, as the Sharpless and System.Text.Json generators name
        /// theirs): a project's generated code outweighs its own and declares no function.
        /// </summary>
        public static bool IsWrittenByHand(INamedTypeSymbol type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!reference.SyntaxTree.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A syntax-only first check, so only methods that name a function or route attribute have their attributes
        /// bound: an alias (<c>using LF = Sharpless.LambdaFunctionAttribute;</c>) is not followed.
        /// </summary>
        private static bool MayHaveFunctionAttribute(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var list in declaration.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        var name = attribute.Name switch
                        {
                            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => string.Empty,
                        };
                        if (name is "LambdaFunction" or "LambdaFunctionAttribute" or "HttpApi" or "HttpApiAttribute" or "RestApi" or "RestApiAttribute" ||
                            (name.EndsWith("Event", StringComparison.Ordinal) || name.EndsWith("EventAttribute", StringComparison.Ordinal)))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol? attributeClass, INamedTypeSymbol? known) =>
            known is not null && SymbolEqualityComparer.Default.Equals(attributeClass, known);
    }
}
